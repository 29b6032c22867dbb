package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.Browser;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.StoredRecordings;
import io.airlock.server.support.TcpProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seed's steps in real Chromium: Access Management → Session History → Only Show Recorded Sessions →
 * Actions → View Full Auditing Info, then View Inline Recording plays and seeks to 80 % while the gateway
 * serves only part of the object, and Download Inline Recording saves the object's bytes. A tampered
 * recording is never played and an expired one says so; a User sees none of it. System Admins rebuild from
 * the bucket, and everyone keeps personal API tokens.
 */
@Tag("browser")
class SessionHistoryRecordingBrowserTest extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("/tmp/airlock-shots");
    private static final int VIDEO_SECONDS = 90;
    private static final String SEEK = """
            const done = arguments[arguments.length - 1];
            const v = document.querySelector('[data-testid=recording-video]');
            const fail = setTimeout(() => done({seeked: false, time: v.currentTime}), 25000);
            v.addEventListener('seeked', () => { clearTimeout(fail);
              done({seeked: true, time: v.currentTime, ready: v.readyState}); }, {once: true});
            v.currentTime = arguments[0];""";

    @Autowired
    RecordingStore store;
    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;
    /** The browser reaches the gateway through this relay, which counts every byte the gateway sends it. */
    private TcpProxy wire;

    @BeforeEach
    void openBrowser() {
        wire = TcpProxy.to(port);
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
        wire.close();
    }

    private String url(String path) {
        return "http://localhost:" + wire.port() + path;
    }

    @Test
    void adminReviewsARecordingAsTheSeedDescribes(@TempDir Path dir) throws Exception {
        byte[] video = Files.readAllBytes(testVideo(dir));
        var recordings = new StoredRecordings(store, jdbc, dataDir());
        long id = recordings.insert(uniqueName("Kiln PLC"), video);

        signIn("admin", ADMIN_PASSWORD);
        click("nav-session-history");
        visible("history-section");
        click("only-recorded");
        waitFor().until(d -> d.getCurrentUrl().contains("recordedOnly=true"));
        visible("history-row-" + id);
        assertThat(text("history-recorded-value-" + id)).isEqualTo("Yes");
        screenshot("session-history-recorded-only");

        // The filters live in the URL: a reload shows the same view, and Back returns to the unfiltered one.
        browser.navigate().refresh();
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("only-recorded")))
                .isSelected()).isTrue();
        visible("history-row-" + id);
        browser.navigate().back();
        waitFor().until(d -> !d.getCurrentUrl().contains("recordedOnly"));
        assertThat(browser.findElement(testId("only-recorded")).isSelected()).isFalse();
        browser.navigate().forward();
        visible("history-row-" + id);

        click("history-actions-" + id);
        visible("history-view-" + id);
        assertThat(browser.findElements(By.cssSelector("[role=menu] [role=menuitem]"))).extracting(e -> e.getText())
                .containsExactly("View Full Auditing Info", "View Inline Recording", "View as text",
                        "Download Inline Recording");
        click("history-audit-" + id);
        visible("audit-video-sha256");
        String sha256 = jdbc.sql("select video_sha256 from session_record where id = ?").param(id)
                .query(String.class).single();
        assertThat(text("audit-video-sha256")).isEqualTo(sha256);
        assertThat(text("audit-bucket")).endsWith(bucket());
        screenshot("session-history-audit");
        browser.findElement(testId("audit-dialog")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(testId("audit-dialog")));

        // View Inline Recording plays (the video's time advances) and seeks to 80 %.
        click("history-actions-" + id);
        click("history-view-" + id);
        visible("recording-video");
        var played = asMap(browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const v = document.querySelector('[data-testid=recording-video]');
                const fail = setTimeout(() => done({error: 'timeout', time: v.currentTime}), 25000);
                const start = () => { v.muted = true; const t0 = v.currentTime;
                  v.play().then(() => setTimeout(() => { v.pause(); clearTimeout(fail);
                    done({advanced: v.currentTime - t0, duration: v.duration}); }, 1500),
                    (e) => done({error: String(e)})); };
                if (v.readyState >= 1) start(); else v.addEventListener('loadedmetadata', start, {once: true});"""));
        assertThat(played.get("error")).isNull();
        assertThat(((Number) played.get("advanced")).doubleValue()).isGreaterThan(0.5);
        double duration = ((Number) played.get("duration")).doubleValue();
        assertThat(duration).isCloseTo(VIDEO_SECONDS, within(0.5));
        var seek = asMap(browser.executeAsyncScript(SEEK, duration * 0.8));
        assertThat(seek.get("seeked")).isEqualTo(true);
        assertThat(((Number) seek.get("time")).doubleValue()).isCloseTo(duration * 0.8, within(0.5));
        var speed = new org.openqa.selenium.support.ui.Select(browser.findElement(testId("recording-speed")));
        speed.selectByVisibleText("8×");
        assertThat(browser.executeScript(
                "return document.querySelector('[data-testid=recording-video]').playbackRate;")).isEqualTo(8L);
        screenshot("recording-player");

        // Opened at 80 % (as a search result links to a moment), only part of the object crosses the gateway:
        // the player reads the index at the front, then ranges from the moment on.
        wire.resetCounts();
        double moment = VIDEO_SECONDS * 0.8;
        browser.get(url("/sessions/" + id + "/recording?t=" + moment));
        visible("recording-video");
        var landed = asMap(browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const v = document.querySelector('[data-testid=recording-video]');
                const fail = setTimeout(() => done({time: v.currentTime, ready: v.readyState}), 25000);
                const check = () => { if (v.currentTime >= arguments[0] - 0.1 && v.readyState >= 2) {
                  clearTimeout(fail); setTimeout(() => done({time: v.currentTime, ready: v.readyState}), 1000); }
                  else setTimeout(check, 50); };
                check();""", moment));
        assertThat(((Number) landed.get("time")).doubleValue()).isCloseTo(moment, within(0.5));
        assertThat(((Number) landed.get("ready")).intValue()).isGreaterThanOrEqualTo(2);
        // Everything the page needed counts: its HTML, scripts and API answers as well as the video's ranges.
        long served = wire.downstreamBytes();
        System.out.printf("Opening at 80 %% of a %d-byte recording: the gateway served %d bytes (%.0f %%)%n",
                video.length, served, 100.0 * served / video.length);
        assertThat(served).isPositive().isLessThan(video.length * 3L / 4);

        // Download Inline Recording saves exactly the object.
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        click("recording-download");
        Path saved = waitFor().until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".mp4")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        assertThat(saved.getFileName().toString()).endsWith("_20260304-050607.mp4");
        assertThat(Files.readAllBytes(saved)).isEqualTo(video);

        // A terminal session's recording also reads as text, replayed from its .cast.
        click("recording-show-text");
        visible("cast-view");
        waitFor().until(d -> d.findElement(By.cssSelector(".cast-terminal .xterm-rows")).getText().contains("$"));
        assertThat(browser.findElement(testId("cast-skip-idle")).isSelected()).isTrue();
        screenshot("recording-text-view");
    }

    @Test
    void aUserSeesNoRecordingUi() throws Exception {
        var recordings = new StoredRecordings(store, jdbc, dataDir());
        long id = recordings.insert(uniqueName("Press PLC"), new byte[] {0, 0, 0, 24});
        String username = uniqueName("line-operator");
        newSignedInUser(username, "USER");
        signIn(username, ownPassword(username));
        visible("nav-remote-sessions");
        assertThat(browser.findElements(testId("nav-session-history"))).isEmpty();
        for (String page : List.of("/access/history?recordedOnly=true", "/sessions/" + id + "/recording")) {
            browser.get(url(page));
            visible("forbidden");
            assertThat(browser.findElements(By.cssSelector("video"))).isEmpty();
            assertThat(browser.findElements(testId("recording-download"))).isEmpty();
            assertThat(browser.findElements(testId("history-table"))).isEmpty();
        }
    }

    @Test
    void thePlayerWarnsOfATamperedRecordingAndSaysWhenTheBucketsRetentionRemovedOne() throws Exception {
        var recordings = new StoredRecordings(store, jdbc, dataDir());
        long tampered = recordings.insert(uniqueName("Boiler PLC"), new byte[] {0, 0, 0, 24, 1, 2, 3, 4});
        Files.write(recordings.objectFile(tampered), new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        long expired = recordings.insert(uniqueName("Boiler PLC"), new byte[] {0, 0, 0, 24, 5, 6, 7, 8});
        Files.delete(recordings.objectFile(expired));
        signIn("admin", ADMIN_PASSWORD);
        visible("nav-session-history");

        browser.get(url("/sessions/" + tampered + "/recording"));
        visible("recording-tampered");
        assertThat(text("recording-tampered")).startsWith("Tamper warning");
        assertThat(browser.findElements(By.cssSelector("video"))).isEmpty();
        assertThat(browser.findElements(testId("recording-download"))).isEmpty();
        screenshot("recording-tampered");

        browser.get(url("/sessions/" + expired + "/recording"));
        visible("recording-expired");
        assertThat(text("recording-expired")).startsWith("Expired by the bucket's retention policy");
        assertThat(browser.findElements(By.cssSelector("video"))).isEmpty();

        // Session History then shows the row as EXPIRED, with no recording to view.
        browser.get(url("/access/history"));
        visible("history-recording-status-" + expired);
        assertThat(browser.findElement(testId("history-recording-status-" + expired)).getAttribute("data-status"))
                .isEqualTo("EXPIRED");
        click("history-actions-" + expired);
        visible("history-audit-" + expired);
        assertThat(browser.findElements(testId("history-view-" + expired))).isEmpty();
    }

    @Test
    void systemAdminRebuildsFromTheBucketAndKeepsPersonalApiTokens() throws Exception {
        var recordings = new StoredRecordings(store, jdbc, dataDir());
        recordings.insert(uniqueName("Mixer PLC"), new byte[] {0, 0, 0, 24});
        signIn("admin", ADMIN_PASSWORD);
        click("nav-session-history");
        click("history-rebuild");
        click("history-rebuild-confirm");
        visible("history-rebuild-result");
        assertThat(text("history-rebuild-result"))
                .matches("Rebuild from the bucket found \\d+ recordings?: 0 history rows created, \\d+ already present\\.");

        click("api-tokens");
        visible("tokens-empty");
        browser.findElement(By.id("token-name")).sendKeys("SIEM export");
        var days = browser.findElement(By.id("token-days"));
        days.clear();
        days.sendKeys("30");
        click("token-create-submit");
        visible("token-created");
        String token = text("token-value");
        assertThat(bearerStatus(token)).isEqualTo(200);
        screenshot("api-tokens-created");
        browser.findElement(By.xpath("//button[normalize-space()='Done']")).click();
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(testId("token-created")));
        assertThat(browser.findElements(testId("token-value"))).isEmpty();

        var revoke = waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid^='token-revoke-']:not([data-testid$='dialog'])")));
        revoke.click();
        click("token-revoke-confirm");
        waitFor().until(d -> d.findElements(By.cssSelector("[data-testid^='token-revoke-']")).isEmpty());
        assertThat(browser.findElement(testId("tokens-table")).getText()).contains("Revoked");
        assertThat(bearerStatus(token)).isEqualTo(401);
    }

    private int bearerStatus(String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/sessions?size=1"))
                .header("Authorization", "Bearer " + token).build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** A real H.264 MP4 large enough (tens of MB) that a full download before the seek would show. */
    private static Path testVideo(Path dir) throws Exception {
        Path video = dir.resolve("recording.mp4");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=640x480:rate=25", "-t", String.valueOf(VIDEO_SECONDS), "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "4M",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", video.toString()).redirectErrorStream(true).start();
        String out = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as(out).isZero();
        return video;
    }

    private String bucket() {
        return jdbc.sql("select bucket from storage_integration where active = true").query(String.class).single();
    }

    private void signIn(String username, String password) {
        browser.get(url("/"));
        visible("login-username");
        browser.findElement(testId("login-username")).sendKeys(username);
        browser.findElement(testId("login-password")).sendKeys(password);
        browser.findElement(testId("login-submit")).click();
    }

    /** Scrolled into view first: an open menu closes when the page scrolls, as a click that scrolls would. */
    private void click(String id) {
        var element = waitFor().until(ExpectedConditions.elementToBeClickable(testId(id)));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void visible(String id) {
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId(id)));
    }

    private String text(String id) {
        return browser.findElement(testId(id)).getText().trim();
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, WAIT);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
