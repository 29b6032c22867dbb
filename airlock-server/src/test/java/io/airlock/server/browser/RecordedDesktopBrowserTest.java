package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.session.SessionRecord;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.Json;
import io.airlock.server.support.VideoProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A VNC session opened in real Chromium (noVNC, which chooses its own pixel format) from a group that
 * enforces recording, against the real TigerVNC peer whose display shows an xterm at +16+16, black text on
 * white: its MP4 and its .fbs reach the bucket, Recorded turns Yes, and the video shows the xterm where it
 * was on the screen.
 */
@Tag("peers")
class RecordedDesktopBrowserTest extends BrowserGatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration PIPELINE_WAIT = Duration.ofSeconds(180);

    @Autowired
    SessionRecordRepository records;

    @Autowired
    RecordingStore store;

    @Test
    void desktopSessionOfNoVncReachesTheBucketAndItsVideoShowsTheXtermWhereItWas() throws Exception {
        var setup = EquipmentSetup.vnc(signedInAdmin(), port, PEERS, uniqueName("recdesk"), PEERS.vncPassword(), true);
        openSessionWindowAs(setup);
        page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
        Thread.sleep(2_000); // the desktop on the canvas for a moment
        long id = page.leaveSessionWindow();

        SessionRecord row = awaitRecorded(id);
        assertThat(row.recordingStatus()).as(row.recordingDetail()).isEqualTo(RecordingStatus.READY);
        assertThat(row.protocol()).isEqualTo("VNC");
        var recording = Json.parse(signedInAdmin().get("/api/sessions/" + id).body()).get("recording");
        String videoKey = recording.get("videoKey").asString();
        assertThat(recording.get("castKey").asString()).as("the .fbs beside the video")
                .isEqualTo(videoKey.replace(".mp4", ".fbs"));
        assertThat(store.head(recording.get("castKey").asString())).isPresent();

        var video = store.head(videoKey).orElseThrow();
        Path file = Files.createTempFile("desktop-", ".mp4");
        try {
            try (var body = store.getRange(video.key(), 0, video.size() - 1)) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            int[] frame = VideoProbe.frameBeforeEnd(file, 0.5, 640, 480);
            int whiteish = 0;
            int darkish = 0;
            for (int y = 20; y < 60; y++) {
                for (int x = 20; x < 200; x++) {
                    int p = frame[y * 640 + x];
                    int low = Math.min(p >> 16 & 0xff, Math.min(p >> 8 & 0xff, p & 0xff));
                    int high = Math.max(p >> 16 & 0xff, Math.max(p >> 8 & 0xff, p & 0xff));
                    whiteish += low >= 215 ? 1 : 0;
                    darkish += high <= 40 ? 1 : 0;
                }
            }
            assertThat(whiteish).as("the xterm's white in the video, where it was on the screen").isGreaterThan(2000);
            assertThat(darkish).as("its black text").isGreaterThan(100);
        } finally {
            Files.delete(file);
        }
    }

    private SessionRecord awaitRecorded(long id) throws InterruptedException {
        long deadline = System.nanoTime() + PIPELINE_WAIT.toNanos();
        SessionRecord row = records.find(id).orElseThrow();
        while (row.recordingStatus() != RecordingStatus.READY && System.nanoTime() < deadline) {
            Thread.sleep(200);
            row = records.find(id).orElseThrow();
        }
        return row;
    }
}
