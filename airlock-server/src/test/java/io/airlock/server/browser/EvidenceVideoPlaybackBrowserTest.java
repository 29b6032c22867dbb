package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.airlock.recording.video.AsciicastTranscoder;
import io.airlock.recording.video.TranscodeProgress;
import io.airlock.server.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The evidence video plays and seeks in real Chromium's {@code <video>} element — the player admins
 * review recordings with — including across a long idle stretch that holds very few encoded frames.
 */
@Tag("browser")
class EvidenceVideoPlaybackBrowserTest {

    @Test
    void videoWithALongIdleGapHasItsFullLengthAndSeeksAcrossTheGap(@TempDir Path dir) throws Exception {
        Path cast = dir.resolve("session.cast");
        Files.writeString(cast, """
                {"version": 2, "width": 80, "height": 24}
                [0.5, "o", "$ start of shift\\r\\n"]
                [600.5, "o", "$ back after ten idle minutes\\r\\n"]
                [601.0, "o", "$ "]
                """);
        Path video = dir.resolve("session.mp4");
        var result = AsciicastTranscoder.evidence().transcode(cast, video, TranscodeProgress.NONE);
        Path page = dir.resolve("player.html");
        Files.writeString(page, "<!doctype html><video id=v src=\"session.mp4\" preload=auto muted></video>");

        ChromeDriver browser = Browser.start();
        try {
            browser.get(page.toUri().toString());
            var metadata = asMap(browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const v = document.getElementById('v');
                    const report = () => done({duration: v.duration, width: v.videoWidth, height: v.videoHeight,
                                               error: v.error ? v.error.code : 0});
                    if (v.readyState >= 1) { report(); } else {
                      v.onloadedmetadata = report; v.onerror = report;
                      setTimeout(report, 20000);
                    }"""));
            assertThat(metadata.get("error")).isEqualTo(0L);
            assertThat(((Number) metadata.get("width")).intValue()).isEqualTo(640);
            assertThat(((Number) metadata.get("height")).intValue()).isEqualTo(480);
            assertThat(((Number) metadata.get("duration")).doubleValue())
                    .isCloseTo(result.duration().toMillis() / 1000.0, within(0.1))
                    .isCloseTo(601.0, within(0.1));

            for (double target : new double[] {300.0, 600.6, 0.2}) {
                var seek = asMap(browser.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const v = document.getElementById('v');
                        const timer = setTimeout(() => done({seeked: false, time: v.currentTime, ready: v.readyState}),
                                                 20000);
                        v.onseeked = () => { clearTimeout(timer);
                                             done({seeked: true, time: v.currentTime, ready: v.readyState}); };
                        v.currentTime = arguments[0];""", target));
                assertThat(seek.get("seeked")).as("seeked to %s", target).isEqualTo(true);
                assertThat(((Number) seek.get("time")).doubleValue()).as("position after seeking to %s", target)
                        .isCloseTo(target, within(0.1));
                assertThat(((Number) seek.get("ready")).intValue()).as("a picture is there at %s", target)
                        .isGreaterThanOrEqualTo(2);
            }
        } finally {
            browser.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
