package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.session.SessionRecord;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.Browser;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.VideoProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;

/**
 * A recorded session end to end in real Chromium: an admin turns on Enforce Inline Recording in the Access
 * Groups dialog, a member opens an SSH session that says from the start that it is recorded, and Session
 * History, already open in the admin's browser, turns Recorded to Yes by itself once the video is in the
 * bucket; View Full Auditing Info shows where it is and how it got there. A System Admin's session from the
 * All Access Method group is not recorded and says nothing of the kind.
 */
@Tag("browser")
@Tag("peers")
class RecordedSessionBrowserTest extends GatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Session History must show Recorded = Yes within this long after the session ends, without a reload. */
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(20);
    private static final Path SHOTS = Path.of("/tmp/airlock-shots");
    private static final long ALL_ACCESS_METHOD_GROUP = 0;

    @Autowired
    SessionRecordRepository records;

    @Autowired
    RecordingStore store;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver admin;
    private ChromeDriver user;

    @BeforeEach
    void openBrowsers() {
        admin = Browser.start();
        viewport(admin, 1440, 760);
        user = Browser.start();
    }

    @AfterEach
    void closeBrowsers() {
        if (admin != null) {
            admin.quit();
        }
        if (user != null) {
            user.quit();
        }
    }

    @Test
    void recordedSessionTurnsRecordedInSessionHistoryAndItsAuditShowsTheStoredVideo() throws Exception {
        var setup = setUp();
        signIn(admin, "admin", ADMIN_PASSWORD);
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("nav-access-groups")));

        // Enforce Inline Recording, through the Access Groups edit dialog.
        admin.findElement(testId("nav-access-groups")).click();
        waitFor(admin).until(ExpectedConditions.elementToBeClickable(testId("group-edit-" + setup.groupName())))
                .click();
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("group-dialog")));
        WebElement enforce = admin.findElement(By.id("group-enforce-recording"));
        assertThat(enforce.isSelected()).isFalse();
        enforce.click();
        assertThat(enforce.isSelected()).isTrue();
        admin.findElement(testId("group-submit")).click();
        waitFor(admin).until(ExpectedConditions.invisibilityOfElementLocated(testId("group-dialog")));
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("group-recording-"
                + setup.groupName())));
        assertThat(group(setup.groupId()).get("enforceRecording").asBoolean()).isTrue();

        // Session History stays open in the admin's browser from here on: nothing reloads it.
        admin.findElement(testId("nav-session-history")).click();
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("history-section")));

        // The member opens the session: the window says it is recorded before anything else happens.
        signIn(user, setup.username(), ownPassword(setup.username()));
        String main = openSession(user, setup.groupId(), setup.methodId());
        WebElement banner = waitFor(user).until(ExpectedConditions.visibilityOfElementLocated(
                testId("session-recorded-banner")));
        assertThat(banner.getText()).contains("This session is recorded");
        waitFor(user).until(ExpectedConditions.textToBe(testId("session-status"), "Connected"));
        assertThat(user.findElements(testId("session-recorded"))).hasSize(1);
        typeAndAwait(user, "echo recorded-$((6*7))\n", "recorded-42");
        screenshot(user, "session-window-recorded");
        long id = awaitSession(setup.username(), r -> r.endedAt() == null).id();

        // While it is open, the admin's history shows it as being recorded, not yet recorded.
        waitFor(admin).until(d -> !d.findElements(testId("history-recording-status-" + id)).isEmpty());
        assertThat(admin.findElement(testId("history-recording-status-" + id)).getAttribute("data-status"))
                .isEqualTo("RECORDING");
        assertThat(admin.findElement(testId("history-recorded-value-" + id)).getText()).isEqualTo("No");
        screenshot(admin, "session-history-recording");

        // The equipment ends the session: the window no longer claims to record, then the user closes it.
        user.findElement(By.cssSelector("[data-testid=session-terminal] textarea")).sendKeys("exit\n");
        waitFor(user).until(ExpectedConditions.visibilityOfElementLocated(testId("session-ended")));
        banner = user.findElement(testId("session-recorded-banner"));
        assertThat(banner.getAttribute("data-ended")).isEqualTo("true");
        assertThat(banner.getText()).doesNotContain("is recorded").contains("stopped when the session ended");
        assertThat(user.findElements(testId("session-recorded"))).isEmpty();
        screenshot(user, "session-window-ended");
        user.close();
        user.switchTo().window(main);
        awaitSession(setup.username(), r -> r.id() == id && r.endedAt() != null);

        // Recorded turns to Yes on the open page by itself: the page polls while the recording is under way.
        Set<String> seen = new LinkedHashSet<>();
        long deadline = System.nanoTime() + RECORDED_WITHIN.toNanos();
        String recorded = "";
        while (System.nanoTime() < deadline) {
            // Read in one go: the row re-renders under the test as the recording moves on.
            var cell = (List<?>) admin.executeScript("""
                    const status = document.querySelector(arguments[0]);
                    const value = document.querySelector(arguments[1]);
                    return [status ? status.dataset.status + ' ' + status.textContent : '',
                            value ? value.textContent.trim() : ''];""",
                    "[data-testid='history-recording-status-" + id + "']",
                    "[data-testid='history-recorded-value-" + id + "']");
            if (!cell.get(0).toString().isEmpty()) {
                seen.add(cell.get(0).toString());
            }
            recorded = cell.get(1).toString();
            if (recorded.equals("Yes")) {
                break;
            }
            Thread.sleep(100);
        }
        System.out.println("Recording statuses seen on Session History: " + seen + "; Recorded = " + recorded + " "
                + Duration.ofNanos(System.nanoTime() - deadline + RECORDED_WITHIN.toNanos()).toMillis()
                + " ms after the session ended");
        SessionRecord record = records.find(id).orElseThrow();
        assertThat(recorded).as("Recorded of session #%d (%s: %s)", id, record.recordingStatus(),
                record.recordingDetail()).isEqualTo("Yes");
        assertThat(admin.findElements(testId("history-recording-status-" + id))).isEmpty();
        screenshot(admin, "session-history-recorded");

        // View Full Auditing Info: where the recording is and its timeline.
        var audit = Json.parse(signedInAdmin().get("/api/sessions/" + id).body()).get("recording");
        String videoKey = audit.get("videoKey").asString();
        String castKey = audit.get("castKey").asString();
        openAudit(id);
        WebElement dialog = admin.findElement(testId("audit-dialog"));
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("audit-video-key")));
        assertThat(text(dialog, "audit-video-key")).isEqualTo(videoKey).endsWith("/" + id + ".mp4");
        assertThat(text(dialog, "audit-cast-key")).isEqualTo(castKey).endsWith("/" + id + ".cast");
        assertThat(text(dialog, "audit-video-sha256")).isEqualTo(audit.get("videoSha256").asString());
        assertThat(text(dialog, "audit-cast-sha256")).isEqualTo(audit.get("castSha256").asString());
        assertThat(text(dialog, "audit-recorded")).endsWith("Yes");
        assertThat(text(dialog, "audit-integration")).contains(store.activeIntegration().orElseThrow());
        assertThat(text(dialog, "audit-tags")).contains("Metadata only");
        assertThat(dialog.findElement(testId("audit-recording-status")).findElement(By.cssSelector("[data-status]"))
                .getAttribute("data-status")).isEqualTo("READY");
        List<String> kinds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (WebElement item : dialog.findElements(By.cssSelector("[data-testid=audit-timeline] > li"))) {
            kinds.add(item.getAttribute("data-kind"));
            labels.add(item.findElement(By.className("timeline-label")).getText());
        }
        // The video is encoded while the session runs and completed as it ends.
        assertThat(kinds).containsSubsequence("STARTED", "TRANSCODED", "ENDED", "UPLOADED", "READY");
        assertThat(labels).contains("Ready").last().isEqualTo("Ready");
        screenshot(admin, "audit-dialog-top");
        admin.executeScript("arguments[0].scrollIntoView({block: 'start'});",
                dialog.findElement(testId("audit-recording")));
        screenshot(admin, "audit-dialog-recording");
        admin.executeScript("arguments[0].scrollTop = arguments[0].scrollHeight;", dialog);
        screenshot(admin, "audit-dialog-bottom");

        // Keyboard: Escape closes the dialog and gives focus back to the actions button.
        dialog.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waitFor(admin).until(ExpectedConditions.invisibilityOfElementLocated(testId("audit-dialog")));
        assertThat(admin.switchTo().activeElement().getAttribute("data-testid")).isEqualTo("history-actions-" + id);

        // The bucket holds the video and the raw recording with the session's metadata.
        var video = store.head(videoKey).orElseThrow();
        var cast = store.head(castKey).orElseThrow();
        for (var object : List.of(video, cast)) {
            assertThat(object.metadata()).containsEntry("session-id", Long.toString(id))
                    .containsEntry("user", setup.username()).containsEntry("group", setup.groupName())
                    .containsEntry("asset", setup.assetName()).containsEntry("protocol", "SSH")
                    .containsEntry("host", PEERS.host() + ":" + PEERS.sshPort())
                    .containsKeys("start", "end", "duration");
        }
        assertThat(video.size()).isEqualTo(audit.get("videoSize").asLong());
        Path mp4 = Files.createTempFile("recorded-session-", ".mp4");
        try {
            try (var in = store.getRange(videoKey, 0, video.size() - 1)) {
                Files.copy(in, mp4, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(sha256(mp4)).isEqualTo(audit.get("videoSha256").asString()).isEqualTo(video.sha256());
            assertThat(VideoProbe.stream(mp4)).containsEntry("codec_name", "h264").containsEntry("width", "640")
                    .containsEntry("height", "480").containsEntry("pix_fmt", "yuv420p")
                    .containsEntry("r_frame_rate", "25/1");
        } finally {
            Files.deleteIfExists(mp4);
        }
        try (var in = store.getRange(castKey, 0, cast.size() - 1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("recorded-42");
        }
    }

    @Test
    void systemAdminSessionFromAllAccessMethodIsNotRecordedAndSaysNothingOfIt() throws Exception {
        var setup = setUp();
        signIn(admin, "admin", ADMIN_PASSWORD);
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("nav-remote-sessions")));
        admin.findElement(testId("nav-remote-sessions")).click();

        String main = openSession(admin, ALL_ACCESS_METHOD_GROUP, setup.methodId());
        waitFor(admin).until(ExpectedConditions.textToBe(testId("session-status"), "Connected"));
        assertThat(admin.findElements(testId("session-recorded-banner"))).isEmpty();
        assertThat(admin.findElements(testId("session-recorded"))).isEmpty();
        typeAndAwait(admin, "echo unrecorded-$((6*7))\n", "unrecorded-42");
        admin.close();
        admin.switchTo().window(main);
        long id = awaitSession("admin", r -> r.assetName().equals(setup.assetName()) && r.endedAt() != null).id();

        admin.findElement(testId("nav-session-history")).click();
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("history-recorded-value-" + id)));
        assertThat(admin.findElement(testId("history-recorded-value-" + id)).getText()).isEqualTo("No");
        assertThat(admin.findElements(testId("history-recording-status-" + id))).isEmpty();
        JsonNode row = Json.parse(signedInAdmin().get("/api/sessions?size=200").body()).get("items").valueStream()
                .filter(r -> r.get("id").asLong() == id).findFirst().orElseThrow();
        assertThat(row.get("recordingStatus").asString()).isEqualTo(RecordingStatus.NONE.name());
        assertThat(row.get("recorded").asBoolean()).isFalse();
        assertThat(row.get("groupName").asString()).isEqualTo("All Access Method");

        openAudit(id);
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("audit-recording-none")));
        assertThat(text(admin.findElement(testId("audit-dialog")), "audit-recorded")).endsWith("No");
        screenshot(admin, "audit-dialog-not-recorded");
    }

    @Test
    void sessionHistoryFollowsARecordingThroughItsStatusesByItself() throws Exception {
        // A history row whose recording the test moves by hand (no job exists for it), to see each badge.
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into session_record (user_id, username, client_address, group_id, group_name, asset_id,
                    asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at,
                    ended_at, end_reason, bytes_to_equipment, bytes_from_equipment, recording_detail)
                values (0, 'badge-engineer', '127.0.0.1', 0, 'Badge line', 0, 'Badge PLC', 0, 'SSH', '127.0.0.1', 22,
                    true, 'WAITING_FOR_STORAGE', current_timestamp, current_timestamp, 'CLOSED_BY_USER', 1, 1,
                    'The bucket cannot be reached (connection refused). The recording is kept on the gateway and the upload is retried.')
                """).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        try {
            signIn(admin, "admin", ADMIN_PASSWORD);
            waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("nav-session-history")));
            admin.findElement(testId("nav-session-history")).click();
            waitFor(admin).until(d -> !badge(id).get(0).isEmpty());
            assertThat(badge(id)).containsExactly("WAITING_FOR_STORAGE", "Waiting for storage",
                    "The bucket cannot be reached (connection refused). The recording is kept on the gateway and the "
                            + "upload is retried.");
            assertThat(admin.findElement(testId("history-recorded-value-" + id)).getText()).isEqualTo("No");

            setRecording(id, "PROCESSING", "Transcoding to MP4.", 42);
            waitFor(admin).until(d -> badge(id).get(1).equals("Processing 42 %"));
            assertThat(badge(id).get(2)).isEqualTo("Transcoding to MP4.");
            screenshot(admin, "session-history-processing");

            setRecording(id, "FAILED", "The video could not be made (broken line 3).", null);
            waitFor(admin).until(d -> badge(id).get(0).equals("FAILED"));
            assertThat(badge(id)).containsExactly("FAILED", "Failed", "The video could not be made (broken line 3).");
            screenshot(admin, "session-history-failed");

            setRecording(id, "PROCESSING", "Uploading to the bucket.", null);
            admin.findElement(testId("history-refresh")).click();
            waitFor(admin).until(d -> badge(id).get(1).equals("Processing"));
            setRecording(id, "READY", null, null);
            waitFor(admin).until(ExpectedConditions.textToBe(testId("history-recorded-value-" + id), "Yes"));
            assertThat(admin.findElements(testId("history-recording-status-" + id))).isEmpty();
        } finally {
            jdbc.sql("delete from session_record where id = ?").param(id).update();
        }
    }

    /** The status badge beside Recorded: its status, its words and its title (the detail). */
    private List<String> badge(long id) {
        var found = (List<?>) admin.executeScript("""
                const b = document.querySelector(arguments[0]);
                return b ? [b.dataset.status, b.firstChild.textContent, b.title] : ['', '', ''];""",
                "[data-testid='history-recording-status-" + id + "']");
        return found.stream().map(String::valueOf).toList();
    }

    private void setRecording(long id, String status, String detail, Integer progress) {
        jdbc.sql("update session_record set recording_status = ?, recording_detail = ?, recording_progress = ? "
                + "where id = ?").params(status, detail, progress, id).update();
    }

    // ---------------------------------------------------------------------------------------------

    record Setup(String username, String groupName, long groupId, String assetName, long methodId) {
    }

    /** An SSH asset on the real peer and a group (recording not enforced yet) of one new user, through the API. */
    private Setup setUp() {
        var api = signedInAdmin();
        String assetName = uniqueName("Recorded-PLC");
        long asset = Json.parse(api.post("/api/assets", Json.object("name", assetName, "host", PEERS.host()))
                .body()).get("id").asLong();
        long method = Json.parse(api.post("/api/assets/" + asset + "/methods", Json.object("protocol", "SSH",
                "port", PEERS.sshPort(), "username", PEERS.user(), "password", PEERS.password()))
                .body()).get("id").asLong();
        String username = uniqueName("recorded-engineer");
        newSignedInUser(username, "USER");
        long userId = Json.parse(api.get("/api/groups/options").body()).get("users").valueStream()
                .filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow()
                .get("id").asLong();
        String groupName = uniqueName("Recorded-line");
        long group = Json.parse(api.post("/api/groups", Json.write(Map.of("name", groupName,
                "memberIds", List.of(userId), "methodIds", List.of(method)))).body()).get("id").asLong();
        return new Setup(username, groupName, group, assetName, method);
    }

    /** Sizes the window so that the page itself gets width x height, as on a 1440x760 screen. */
    private static void viewport(ChromeDriver browser, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        var inner = (java.util.List<?>) browser.executeScript("return [window.innerWidth, window.innerHeight];");
        int dx = width - ((Number) inner.get(0)).intValue();
        int dy = height - ((Number) inner.get(1)).intValue();
        if (dx != 0 || dy != 0) {
            browser.manage().window().setSize(new Dimension(width + dx, height + dy));
        }
    }

    private JsonNode group(long id) {
        return Json.parse(signedInAdmin().get("/api/groups").body()).valueStream()
                .filter(g -> g.get("id").asLong() == id).findFirst().orElseThrow();
    }

    private void signIn(ChromeDriver browser, String username, String password) {
        browser.get("http://localhost:" + port + "/");
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(testId("login-username")));
        browser.findElement(testId("login-username")).sendKeys(username);
        browser.findElement(testId("login-password")).sendKeys(password);
        browser.findElement(testId("login-submit")).click();
    }

    /** Clicks Open Session on Remote Sessions and switches to the new window; returns the main one. */
    private String openSession(ChromeDriver browser, long groupId, long methodId) {
        By button = testId("open-session-" + groupId + "-" + methodId);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(button));
        String main = browser.getWindowHandle();
        browser.findElement(button).click();
        waitFor(browser).until(d -> d.getWindowHandles().size() == 2);
        browser.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst()
                .ifPresent(h -> browser.switchTo().window(h));
        return main;
    }

    private void openAudit(long id) {
        // Scrolled into view first: the menu closes when the page scrolls, as a click that scrolls would.
        WebElement actions = admin.findElement(testId("history-actions-" + id));
        admin.executeScript("arguments[0].scrollIntoView({block: 'center'});", actions);
        actions.click();
        waitFor(admin).until(ExpectedConditions.elementToBeClickable(testId("history-audit-" + id))).click();
        waitFor(admin).until(ExpectedConditions.visibilityOfElementLocated(testId("audit-dialog")));
    }

    private void typeAndAwait(ChromeDriver browser, String keys, String expected) {
        browser.findElement(By.cssSelector("[data-testid=session-terminal] textarea")).sendKeys(keys);
        waitFor(browser).until(d -> terminalText(browser).contains(expected));
    }

    private static String terminalText(ChromeDriver browser) {
        Object text = browser.executeScript("""
                const t = window.__airlockTerminal; if (!t) return '';
                const b = t.buffer.active; const lines = [];
                for (let i = 0; i < b.length; i++) { lines.push(b.getLine(i).translateToString(true)); }
                return lines.join('\\n');""");
        return text == null ? "" : text.toString();
    }

    /** The newest session of a user that matches, waiting for it. */
    private SessionRecord awaitSession(String username, Predicate<SessionRecord> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var match = records.recent(200).stream().filter(r -> r.username().equals(username)).filter(wanted)
                    .findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching session of " + username);
    }

    private static String text(WebElement scope, String id) {
        return scope.findElement(testId(id)).getText().trim();
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String sha256(Path file) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    }
}
