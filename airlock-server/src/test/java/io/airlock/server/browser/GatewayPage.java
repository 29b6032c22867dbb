package io.airlock.server.browser;

import io.airlock.server.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A user's Chromium on one gateway, with the steps the session window tests share. */
final class GatewayPage implements AutoCloseable {

    final ChromeDriver browser = Browser.start();
    final WebDriverWait wait;
    private final int port;

    GatewayPage(int port, Duration patience) {
        this.port = port;
        this.wait = new WebDriverWait(browser, patience);
    }

    void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-username]")));
        testId("login-username").sendKeys(username);
        testId("login-password").sendKeys(password);
        testId("login-submit").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=login-submit]")));
    }

    /** Opens the session window as Remote Sessions' button does, in this tab. */
    void openSessionWindow(long groupId, long methodId) {
        browser.get("http://localhost:" + port + "/session?group=" + groupId + "&method=" + methodId);
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Exactly this size of page, whatever the window decorations take. */
    void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    WebElement testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    WebElement awaitTestId(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=" + id + "]")));
    }

    void typeInTerminal(String keys) {
        browser.findElement(By.cssSelector("[data-testid=session-terminal] textarea")).sendKeys(keys);
    }

    void typeAndAwait(String keys, String expected) {
        typeInTerminal(keys);
        wait.until(d -> terminalText().contains(expected));
    }

    /** The terminal's scrollback and screen as text, one line per row. */
    String terminalText() {
        Object text = browser.executeScript("""
                const t = window.__airlockTerminal; if (!t) return '';
                const b = t.buffer.active; const lines = [];
                for (let i = 0; i < b.length; i++) { lines.push(b.getLine(i).translateToString(true)); }
                return lines.join('\\n');""");
        return text == null ? "" : text.toString();
    }

    /**
     * Clicks the session window's desktop where the remote framebuffer point x, y is drawn: the window
     * scales the desktop to fit, so page and framebuffer coordinates differ.
     */
    @SuppressWarnings("unchecked")
    void clickOnDesktop(int x, int y) {
        WebElement canvas = browser.findElement(By.cssSelector("[data-testid=session-desktop] canvas"));
        List<Number> offset = (List<Number>) browser.executeScript("""
                const c = arguments[0], r = c.getBoundingClientRect();
                const sx = r.width / c.width, sy = r.height / c.height;
                return [arguments[1] * sx - r.width / 2, arguments[2] * sy - r.height / 2];""", canvas, x, y);
        new Actions(browser).moveToElement(canvas, offset.get(0).intValue(), offset.get(1).intValue()).click()
                .perform();
    }

    /** Leaves the session window for the start page, which ends its session; returns the session's id. */
    long leaveSessionWindow() {
        long id = Long.parseLong(testId("session-id").getText().replaceAll("\\D", ""));
        open("/");
        return id;
    }

    /** Keys as the user types them, to whatever has the focus. */
    void type(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Keeps what the user saw, for review of the UI; target/ is never committed. */
    void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
