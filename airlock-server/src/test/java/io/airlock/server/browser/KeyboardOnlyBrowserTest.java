package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Someone who uses no mouse: signs in, moves between pages, opens and closes a dialog and opens a session
 * with the keyboard alone. Every key goes to whatever has focus, as a person's would.
 */
@Tag("peers")
class KeyboardOnlyBrowserTest extends BrowserGatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    /** More presses than any page needs to reach its controls: a control not reached by then is not reachable. */
    private static final int MAX_TABS = 40;

    @Test
    void adminSignsInMovesToUsersAndOpensAndClosesADialogWithTheKeyboard() throws Exception {
        page.open("/");
        page.awaitTestId("login-username");
        tabTo("login-username");
        type("admin");
        tabTo("login-password");
        type(ADMIN_PASSWORD + Keys.ENTER);
        page.awaitTestId("nav-users");

        tabTo("nav-users");
        type(Keys.ENTER.toString());
        page.wait.until(ExpectedConditions.urlContains("/admin/users"));
        page.awaitTestId("users-table");

        tabTo("users-new");
        type(Keys.ENTER.toString());
        page.wait.until(d -> focusedIsInside("dialog[open]"));
        page.screenshot("user-create-dialog");
        type(Keys.ESCAPE.toString());
        page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertThat(focusedTestId()).isEqualTo("users-new");

        page.open("/access/history");
        page.wait.until(d -> !d.findElements(
                By.cssSelector("[data-testid=history-table],[data-testid=session-history-empty]")).isEmpty());
        page.screenshot("history-page");
    }

    @Test
    void userOpensASessionWithTheKeyboard() {
        var setup = EquipmentSetup.ssh(signedInAdmin(), port, PEERS, uniqueName("keys"), false);
        page.open("/");
        page.awaitTestId("login-username");
        tabTo("login-username");
        type(setup.username());
        tabTo("login-password");
        type(ownPassword(setup.username()) + Keys.ENTER);
        String button = "open-session-" + setup.groupId() + "-" + setup.methodId();
        page.awaitTestId(button);
        String main = page.browser.getWindowHandle();

        tabTo(button);
        type(Keys.ENTER.toString());

        page.wait.until(d -> d.getWindowHandles().size() == 2);
        String session = page.browser.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst().orElseThrow();
        page.browser.switchTo().window(session);
        page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
        page.browser.close();
        page.browser.switchTo().window(main);
    }

    /** Presses Tab until the element with that test id has focus. */
    private void tabTo(String testId) {
        for (int i = 0; i < MAX_TABS; i++) {
            if (testId.equals(focusedTestId())) {
                return;
            }
            type(Keys.TAB.toString());
        }
        throw new AssertionError(testId + " was not reached with " + MAX_TABS + " presses of Tab; focus is on "
                + page.browser.executeScript("return document.activeElement && document.activeElement.outerHTML"));
    }

    private void type(String keys) {
        new Actions(page.browser).sendKeys(keys).perform();
    }

    private String focusedTestId() {
        Object id = page.browser.executeScript(
                "return document.activeElement && document.activeElement.getAttribute('data-testid');");
        return id == null ? null : id.toString();
    }

    private boolean focusedIsInside(String selector) {
        return Boolean.TRUE.equals(page.browser.executeScript(
                "return !!(document.activeElement && document.activeElement.closest(arguments[0]));", selector));
    }
}
