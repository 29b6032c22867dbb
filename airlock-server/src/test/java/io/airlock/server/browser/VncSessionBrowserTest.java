package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.session.EndReason;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.rfb.Encodings;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The session window of a VNC access method in real Chromium (noVNC) against the real TigerVNC peer, whose
 * display shows an xterm with known text at +16+16, black on white; a {@link PeerXterm} shows where keys
 * and clicks land.
 */
@Tag("peers")
class VncSessionBrowserTest extends BrowserGatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    /** The VNC peer's X display (scripts/peers.sh). */
    private static final String PEER_DISPLAY = ":1";
    /** Where the typing xterm sits on the peer's 640x480 screen: clear of the peer's own xterm at +16+16. */
    private static final int XTERM_X = 360;
    private static final int XTERM_Y = 330;

    @Autowired
    SessionRecordRepository records;

    @TempDir
    Path temp;

    @Test
    void theCanvasShowsTheRemoteDesktopClicksAndTypedKeysReachItAndClosingTheWindowEndsTheSession()
            throws Exception {
        var admin = signedInAdmin();
        var setup = EquipmentSetup.vnc(admin, port, PEERS, uniqueName("desk"), PEERS.vncPassword(), false);
        try (var xterm = PeerXterm.open(PEER_DISPLAY, XTERM_X, XTERM_Y, temp)) {
            openSessionWindowAs(setup);

            page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
            page.wait.until(d -> xtermPixels().get(0) > 2000 && xtermPixels().get(1) > 100);
            List<Long> counts = xtermPixels();
            System.out.println("xterm region on the canvas: " + counts.get(0) + " white, " + counts.get(1)
                    + " black px");
            assertThat(page.browser.getPageSource()).doesNotContain(PEERS.vncPassword());
            page.screenshot("vnc-session");

            xterm.clickAndType(page, "airlock42");

            var record = leaveSessionWindowUntilEnded(records);
            assertThat(record.endReason()).isEqualTo(EndReason.CLOSED_BY_USER);
            assertThat(record.protocol()).isEqualTo("VNC");
            assertThat(record.bytesFromEquipment()).isPositive();
        }
    }

    @Test
    void aWrongVncPasswordSaysSoInTheWindow() throws Exception {
        var setup = EquipmentSetup.vnc(signedInAdmin(), port, PEERS, uniqueName("deskpw"), "wrongpw1", false);
        openSessionWindowAs(setup);

        page.awaitTestId("session-ended");
        assertThat(page.testId("session-ended-message").getText()).contains("refused the stored credentials");
        page.screenshot("vnc-wrong-password");
    }

    @Test
    void anAdminMonitorsTheDesktopReadOnlyInTheMonitorWindow() throws Exception {
        var admin = signedInAdmin();
        var setup = EquipmentSetup.vnc(admin, port, PEERS, uniqueName("watched-desk"), PEERS.vncPassword(), false);
        try (var session = setup.open(80, 24)) {
            long id = session.awaitNotice("ready", Duration.ofSeconds(20)).get("sessionId").asLong();
            var window = RfbClient.connect(session, null, List.of(Encodings.ZRLE, Encodings.RAW));
            window.request(false);
            window.awaitUpdate();
            String ticket = Json.parse(admin.post("/api/sessions/" + id + "/monitor", "{}").body())
                    .get("ticket").asString();

            page.signIn("admin", ADMIN_PASSWORD);
            page.open("/monitor?ticket=" + ticket + "&session=" + id + "&protocol=VNC");

            page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=monitor-status]"), "Connected"));
            page.wait.until(d -> page.testId("monitor-title").getText().equals(setup.assetName()));
            page.wait.until(d -> xtermPixels("monitor-desktop").get(0) > 2000
                    && xtermPixels("monitor-desktop").get(1) > 100);
            assertThat(page.browser.findElements(By.cssSelector("[data-testid=desktop-ctrl-alt-del]"))).isEmpty();
            page.screenshot("vnc-monitor-window");
        }
    }

    private List<Long> xtermPixels() {
        return xtermPixels("session-desktop");
    }

    /** White and black pixels of the canvas where the peer's xterm and its text are. */
    @SuppressWarnings("unchecked")
    private List<Long> xtermPixels(String desktop) {
        return (List<Long>) page.browser.executeScript("""
                const c = document.querySelector('[data-testid=' + arguments[0] + '] canvas');
                if (!c || c.width < 200) return [0, 0];
                const d = c.getContext('2d').getImageData(20, 20, 180, 40).data;
                let white = 0, black = 0;
                for (let i = 0; i < d.length; i += 4) {
                  if (d[i] === 255 && d[i + 1] === 255 && d[i + 2] === 255) white++;
                  if (d[i] === 0 && d[i + 1] === 0 && d[i + 2] === 0) black++;
                }
                return [white, black];""", desktop);
    }
}
