package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.Json;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session window's own states in real Chromium against the real SSH peer: the sign-in form of an access
 * method that asks the user, a link the gateway refuses at the handshake, and the warning before an access
 * window closes.
 */
@Tag("peers")
class SessionWindowBrowserTest extends BrowserGatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final String REFUSED_LINK =
            "This session link has expired or was already used. Open the session again from Remote Sessions.";

    @Test
    void wrongPasswordShowsTheRefusalAndTryAgainSignsInWithTheRightOne() throws Exception {
        var setup = asksTheUser(EquipmentSetup.ssh(signedInAdmin(), port, PEERS, uniqueName("ask"), false), true);
        openSessionWindowAs(setup);

        page.awaitTestId("session-sign-in");
        WebElement username = page.browser.findElement(By.id("session-sign-in-username"));
        assertThat(username.getDomProperty("value")).isEqualTo(PEERS.user());
        assertThat(username.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(page.testId("session-status").getText()).isEqualTo("Waiting for sign-in");
        assertThat(focusedId()).isEqualTo("session-sign-in-password");
        page.screenshot("session-sign-in");

        page.browser.switchTo().activeElement().sendKeys("not-the-password" + Keys.ENTER);
        WebElement ended = page.awaitTestId("session-ended");
        String refusal = page.testId("session-ended-message").getText();
        System.out.println("Refusal shown for a wrong password: " + refusal);
        assertThat(ended.getText()).contains("could not be opened").doesNotContain("not-the-password");
        assertThat(refusal).isNotBlank().isNotEqualTo(REFUSED_LINK);
        assertThat(page.testId("session-ended-action").getText()).isEqualTo("Try again");
        page.screenshot("session-sign-in-refused");

        page.testId("session-ended-action").click();
        page.awaitTestId("session-sign-in");
        assertThat(page.browser.findElement(By.id("session-sign-in-password")).getDomProperty("value")).isEmpty();
        page.wait.until(d -> "session-sign-in-password".equals(focusedId()));
        WebElement password = page.browser.switchTo().activeElement();
        password.sendKeys(PEERS.password());
        assertThat(password.getDomProperty("value")).as("the password typed").isEqualTo(PEERS.password());
        password.sendKeys(Keys.ENTER);

        page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
        page.typeAndAwait("echo typed-$((6*7))\n", "typed-42");
        assertThat(page.terminalText()).doesNotContain(PEERS.password());
        assertThat(page.browser.getPageSource()).doesNotContain(PEERS.password());
    }

    @Test
    void withoutAStoredUsernameTheFormAsksForBothAndFocusesTheUsername() throws Exception {
        var setup = asksTheUser(EquipmentSetup.ssh(signedInAdmin(), port, PEERS, uniqueName("ask"), false), false);
        openSessionWindowAs(setup);

        page.awaitTestId("session-sign-in");
        assertThat(focusedId()).isEqualTo("session-sign-in-username");
        assertThat(page.browser.findElement(By.id("session-sign-in-username")).getDomProperty("readOnly"))
                .isEqualTo("false");
        // Enter with a field left empty says what is missing instead of connecting.
        page.browser.switchTo().activeElement().sendKeys(PEERS.user() + Keys.ENTER);
        page.wait.until(d -> "session-sign-in-password".equals(focusedId()));
        assertThat(page.testId("session-sign-in").getText()).contains("Enter your password on the equipment.");
        page.screenshot("session-sign-in-username");

        page.browser.switchTo().activeElement().sendKeys(PEERS.password() + Keys.ENTER);
        page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
        page.typeAndAwait("echo me=$(whoami)\n", "me=" + PEERS.user());
    }

    @Test
    void linkTheGatewayRefusesAtTheHandshakeSaysItExpired() throws Exception {
        var setup = EquipmentSetup.ssh(signedInAdmin(), port, PEERS, uniqueName("spent"), false);
        page.signIn(setup.username(), ownPassword(setup.username()));
        // The window's socket carries a ticket the gateway never issued, as a spent or expired one looks to it.
        page.browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const RealSocket = window.WebSocket;
                window.WebSocket = class extends RealSocket {
                  constructor(url, protocols) { super(String(url).replace(/ticket=[^&]*/, 'ticket=spent'), protocols); }
                };"""));
        page.openSessionWindow(setup.groupId(), setup.methodId());

        page.awaitTestId("session-ended");
        assertThat(page.testId("session-ended-message").getText()).isEqualTo(REFUSED_LINK);
        assertThat(page.testId("session-status").getText()).isEqualTo("Ended");
        assertThat(page.testId("session-ended-action").getText()).isEqualTo("Try again");
        assertThat(focusedText()).isEqualTo("Try again");
        page.screenshot("session-link-refused");
    }

    @Test
    void accessWindowClosingSoonShowsAWarningWithoutInterruptingTheSession() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        assumeTrue(now.toLocalTime().isBefore(LocalTime.of(23, 50)), "the window must close before midnight UTC");
        var admin = signedInAdmin();
        var setup = EquipmentSetup.ssh(admin, port, PEERS, uniqueName("closing"), false);
        openSessionWindowAs(setup);
        page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));

        // Today's window now closes in three minutes: the change is checked at once, and warns.
        String today = now.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
        String closes = now.toLocalTime().plusMinutes(3).withSecond(0).withNano(0).toString();
        var group = (ObjectNode) Json.parse(admin.get("/api/groups").body()).valueStream()
                .filter(g -> g.get("id").asLong() == setup.groupId()).findFirst().orElseThrow();
        group.remove("id");
        group.put("timeZone", "UTC");
        group.set("windows", Json.parse(Json.write(List.of(Map.of("days", List.of(today), "start", "00:00",
                "end", closes)))));
        assertThat(admin.put("/api/groups/" + setup.groupId(), Json.write(group)).status()).isEqualTo(200);

        WebElement warning = page.awaitTestId("session-warning");
        assertThat(warning.getDomAttribute("role")).isEqualTo("alert");
        assertThat(warning.getText()).contains(" closes at ").contains("the session will end then");
        assertThat(page.browser.executeScript(
                "return document.activeElement.closest('[data-testid=session-terminal]') !== null;"))
                .as("the terminal keeps the focus").isEqualTo(true);
        page.typeAndAwait("echo still-$((6*7))\n", "still-42");
        page.screenshot("session-warning");
    }

    @Test
    void monitorWindowNamesTheUserAndTheEquipmentItShows() throws Exception {
        var admin = signedInAdmin();
        var setup = EquipmentSetup.ssh(admin, port, PEERS, uniqueName("watched"), false);
        try (var session = setup.open(100, 30)) {
            long id = session.awaitNotice("ready", Duration.ofSeconds(20)).get("sessionId").asLong();
            session.type("echo watched-$((6*7))\n");
            session.awaitOutput("watched-42", Duration.ofSeconds(20));
            String ticket = Json.parse(admin.post("/api/sessions/" + id + "/monitor", "{}").body())
                    .get("ticket").asString();

            page.signIn("admin", ADMIN_PASSWORD);
            page.open("/monitor?ticket=" + ticket + "&session=" + id);

            page.wait.until(d -> page.testId("monitor-title").getText().equals(setup.assetName()));
            assertThat(page.testId("monitor-user").getText()).endsWith(setup.username());
            assertThat(page.browser.getTitle()).isEqualTo("Monitoring " + setup.username() + " on "
                    + setup.assetName() + " (session #" + id + ") · Airlock");
            page.wait.until(d -> page.terminalText().contains("watched-42"));
            page.screenshot("monitor-window");
        }
    }

    /** Turns the setup's access method into one whose credentials the user types, keeping or dropping its username. */
    private EquipmentSetup.Setup asksTheUser(EquipmentSetup.Setup setup, boolean keepUsername) {
        var method = new java.util.HashMap<String, Object>(Map.of("protocol", "SSH", "port", PEERS.sshPort(),
                "credential", "ASK_USER"));
        method.put("username", keepUsername ? PEERS.user() : null);
        var reply = signedInAdmin().put("/api/methods/" + setup.methodId(), Json.write(method));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return setup;
    }

    private String focusedId() {
        Object id = page.browser.executeScript("return document.activeElement ? document.activeElement.id : '';");
        return id == null ? "" : id.toString();
    }

    private String focusedText() {
        Object text = page.browser.executeScript(
                "return document.activeElement ? document.activeElement.textContent.trim() : '';");
        return text == null ? "" : text.toString();
    }
}
