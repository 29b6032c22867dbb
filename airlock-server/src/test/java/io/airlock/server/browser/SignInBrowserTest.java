package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.Browser;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Sign-in and navigation in real headless Chromium against the running gateway. */
@Tag("browser")
class SignInBrowserTest extends GatewayTest {

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void systemAdminSignsInAndSeesTheWholeNavigation() throws Exception {
        signIn("admin", ADMIN_PASSWORD);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-remote-sessions]")));
        for (String item : new String[] {"nav-remote-sessions", "nav-access-groups", "nav-session-history",
                "nav-users", "nav-integrations"}) {
            assertThat(testId(item).isDisplayed()).as(item).isTrue();
        }
        assertThat(testId("nav-remote-sessions").getText()).isEqualTo("Remote Sessions");
        String page = browser.findElement(By.tagName("body")).getText();
        for (String label : new String[] {"Access Management", "Session History", "Administration",
                "External Integrations"}) {
            assertThat(page).containsIgnoringCase(label); // section headings are styled in capitals
        }
        assertThat(testId("user-menu-name").getText()).contains("Administrator");
        screenshot("signed-in-admin");

        testId("nav-users").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "admin"));
        screenshot("users-page");

        testId("nav-integrations").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Embedded (local)"));
        screenshot("integrations-page");

        testId("sign-out").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-username]")));
    }

    @Test
    void plainUserSeesOnlyRemoteSessions() {
        String name = uniqueName("browser-user");
        newSignedInUser(name, "USER");

        signIn(name, ownPassword(name));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-remote-sessions]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=nav-users]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-testid=nav-access-groups]"))).isEmpty();
    }

    @Test
    void wrongPasswordShowsAClearMessageWithoutSayingWhichPartWasWrong() {
        signIn("admin", "certainly-not-the-password");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=login-error]")));
        assertThat(error.getText()).contains("Invalid username or password.");
        assertThat(browser.getCurrentUrl()).contains("/login");
    }

    @Test
    void firstSignInWithTemporaryPasswordAsksForANewOne() {
        String name = uniqueName("browser-new");
        signedInAdmin().post("/api/users", Json.object("username", name, "role", "USER",
                "password", "temporary-password-1"));

        signIn(name, "temporary-password-1");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Change password"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=nav-remote-sessions]"))).isEmpty();
    }

    private void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-username]")));
        testId("login-username").sendKeys(username);
        testId("login-password").sendKeys(password);
        testId("login-submit").click();
    }

    private WebElement testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    /** Keeps what the user saw, for review of the UI; target/ is never committed. */
    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
