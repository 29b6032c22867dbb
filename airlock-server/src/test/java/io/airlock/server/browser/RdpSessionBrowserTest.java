package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.session.EndReason;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.support.EquipmentSetup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The session window of an RDP access method in real Chromium (noVNC) against the real FreeRDP shadow server,
 * whose screen is solid red; a {@link PeerXterm} on the peer's screen shows where keys and clicks land.
 */
@Tag("peers")
class RdpSessionBrowserTest extends BrowserGatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    /** The RDP peer's X display (scripts/peers.sh). */
    private static final String PEER_DISPLAY = ":10";
    /** Where the xterm sits on the peer's 640x480 screen: away from the red pixels checked. */
    private static final int XTERM_X = 360;
    private static final int XTERM_Y = 330;

    @Autowired
    SessionRecordRepository records;

    @TempDir
    Path temp;

    @Test
    void theCanvasShowsTheRemoteDesktopClicksAndTypedKeysReachItAndClosingTheWindowEndsTheSession()
            throws Exception {
        try (var xterm = PeerXterm.open(PEER_DISPLAY, XTERM_X, XTERM_Y, temp)) {
            var setup = EquipmentSetup.rdp(signedInAdmin(), port, PEERS, uniqueName("rdpdesk"), PEERS.rdpPort(),
                    PEERS.password(), false);
            openSessionWindowAs(setup);

            page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
            page.wait.until(d -> isRed(pixel(100, 100)));
            System.out.println("canvas pixel at 100,100: " + pixel(100, 100));
            assertThat(page.browser.getPageSource()).doesNotContain(PEERS.password());
            page.screenshot("rdp-session");

            xterm.clickAndType(page, "airlock42");

            var record = leaveSessionWindowUntilEnded(records);
            assertThat(record.endReason()).isEqualTo(EndReason.CLOSED_BY_USER);
            assertThat(record.protocol()).isEqualTo("RDP");
        }
    }

    @Test
    void aWrongRdpPasswordSaysSoInTheWindow() throws Exception {
        var setup = EquipmentSetup.rdp(signedInAdmin(), port, PEERS, uniqueName("rdppw"), PEERS.rdpPort(),
                "not-the-rdp-password", false);
        openSessionWindowAs(setup);

        page.awaitTestId("session-ended");
        assertThat(page.testId("session-ended-message").getText()).contains("refused the stored credentials");
        page.screenshot("rdp-wrong-password");
    }

    /** FreeRDP's colours come back slightly off the peer's pure red. */
    private static boolean isRed(List<Long> rgb) {
        return rgb.get(0) > 230 && rgb.get(1) < 30 && rgb.get(2) < 30;
    }

    /** The canvas pixel at framebuffer coordinates, as red, green and blue. */
    @SuppressWarnings("unchecked")
    private List<Long> pixel(int x, int y) {
        return (List<Long>) page.browser.executeScript("""
                const c = document.querySelector('[data-testid=session-desktop] canvas');
                if (!c || c.width <= arguments[0]) return [0, 0, 0];
                const d = c.getContext('2d').getImageData(arguments[0], arguments[1], 1, 1).data;
                return [d[0], d[1], d[2]];""", x, y);
    }
}
