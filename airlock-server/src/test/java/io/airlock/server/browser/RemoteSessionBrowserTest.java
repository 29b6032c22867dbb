package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.session.EndReason;
import io.airlock.server.session.SessionRecord;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.support.Browser;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A plant engineer's path in real Chromium: sign in, Remote Sessions, Open Session in a new window, type
 * a command against the real SSH or telnet peer, resize the window, close it.
 */
@Tag("browser")
@Tag("peers")
class RemoteSessionBrowserTest extends GatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    SessionRecordRepository records;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void userOpensAnSshSessionRunsACommandResizesAndClosesIt() throws Exception {
        var setup = setUp("SSH", PEERS.sshPort());
        String main = signInAndOpen(setup);

        typeAndAwait("echo gateway-$((6*7))\n", "gateway-42");
        long columnsBefore = terminalColumns();
        typeAndAwait("echo cols=$(tput cols)\n", "cols=" + columnsBefore);
        screenshot("ssh-session");

        browser.manage().window().setSize(new Dimension(1400, 900));
        wait.until(d -> terminalColumns() != columnsBefore);
        long columnsAfter = terminalColumns();
        typeAndAwait("clear; echo cols=$(tput cols)\n", "cols=" + columnsAfter);

        browser.close();
        browser.switchTo().window(main);
        SessionRecord record = awaitEnded(setup.username());
        assertThat(record.endReason()).isEqualTo(EndReason.CLOSED_BY_USER);
        assertThat(record.protocol()).isEqualTo("SSH");
    }

    @Test
    void userOpensATelnetSessionThatSignsInByItself() throws Exception {
        var setup = setUp("TELNET", PEERS.telnetPort());
        signInAndOpen(setup);

        // The shell's prompt after the automatic sign-in (the login banner comes before the password prompt).
        wait.until(d -> {
            String text = terminalText();
            return text.contains("assword:") && text.lastIndexOf("$ ") > text.indexOf("assword:");
        });
        typeAndAwait("echo telnet-$((40+2)) $(stty size)\n", "telnet-42 ");
        String text = terminalText();
        assertThat(text).doesNotContain(PEERS.password());
        long columns = terminalColumns();
        assertThat(text).containsPattern("telnet-42 \\d+ " + columns);
        screenshot("telnet-session");
    }

    @Test
    void userOutsideTheGroupSeesNoOpenSessionButton() {
        var setup = setUp("SSH", PEERS.sshPort());
        String outsider = uniqueName("outsider");
        newSignedInUser(outsider, "USER");

        signIn(outsider, ownPassword(outsider));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-remote-sessions]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Remote Sessions"));

        assertThat(browser.findElements(By.cssSelector(
                "[data-testid=open-session-" + setup.groupId() + "-" + setup.methodId() + "]"))).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    record Setup(String username, long groupId, long methodId) {
    }

    private Setup setUp(String protocol, int port) {
        var admin = signedInAdmin();
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", uniqueName("PLC"), "host", PEERS.host()))
                .body()).get("id").asLong();
        long method = Json.parse(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", protocol,
                "port", port, "username", PEERS.user(), "password", PEERS.password()))
                .body()).get("id").asLong();
        String username = uniqueName("engineer");
        newSignedInUser(username, "USER");
        long userId = Json.parse(admin.get("/api/groups/options").body()).get("users").valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
        long group = Json.parse(admin.post("/api/groups", Json.write(Map.of("name", uniqueName("Line 3"),
                "memberIds", List.of(userId), "methodIds", List.of(method)))).body()).get("id").asLong();
        return new Setup(username, group, method);
    }

    /** Signs in as the setup's user, clicks Open Session and switches to the new window; returns the main one. */
    private String signInAndOpen(Setup setup) {
        signIn(setup.username(), ownPassword(setup.username()));
        String button = "[data-testid=open-session-" + setup.groupId() + "-" + setup.methodId() + "]";
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(button)));
        String main = browser.getWindowHandle();
        browser.findElement(By.cssSelector(button)).click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        browser.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst()
                .ifPresent(h -> browser.switchTo().window(h));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
        return main;
    }

    private void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-username]")));
        browser.findElement(By.cssSelector("[data-testid=login-username]")).sendKeys(username);
        browser.findElement(By.cssSelector("[data-testid=login-password]")).sendKeys(password);
        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
    }

    private void typeAndAwait(String keys, String expected) {
        browser.findElement(By.cssSelector("[data-testid=session-terminal] textarea")).sendKeys(keys);
        wait.until(d -> terminalText().contains(expected));
    }

    private String terminalText() {
        Object text = browser.executeScript("""
                const t = window.__airlockTerminal; if (!t) return '';
                const b = t.buffer.active; const lines = [];
                for (let i = 0; i < b.length; i++) { lines.push(b.getLine(i).translateToString(true)); }
                return lines.join('\\n');""");
        return text == null ? "" : text.toString();
    }

    private long terminalColumns() {
        Object cols = browser.executeScript("return window.__airlockTerminal ? window.__airlockTerminal.cols : 0;");
        return ((Number) cols).longValue();
    }

    private SessionRecord awaitEnded(String username) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var latest = records.recent(200).stream().filter(r -> r.username().equals(username)).findFirst();
            if (latest.isPresent() && latest.get().endedAt() != null) {
                return latest.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the session of " + username + " did not end");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
