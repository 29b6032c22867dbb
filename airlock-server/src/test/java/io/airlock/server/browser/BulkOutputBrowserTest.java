package io.airlock.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 200 MB of output from the real SSH peer in a recorded session, through real Chromium: the page asks the
 * gateway to pause while xterm.js is behind, so the tab neither drops output nor buffers it without bound,
 * and it answers scripts promptly throughout.
 */
@Tag("peers")
class BulkOutputBrowserTest extends BrowserGatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    /** base64 of 150,000,000 bytes: 200,000,000 characters in 76-column lines, plus their line ends. */
    private static final long SOURCE_BYTES = 150_000_000L;
    private static final Duration BULK_LIMIT = Duration.ofMinutes(8);
    private static final long HEAP_LIMIT = 160L * 1024 * 1024;
    private static final Duration SCRIPT_LATENCY_LIMIT = Duration.ofSeconds(5);
    private static final int CPU_SLOWDOWN = 4;

    @Test
    void twoHundredMegabytesOfOutputArriveWhileTheTabStaysResponsiveAndItsHeapBounded() throws Exception {
        var setup = EquipmentSetup.ssh(signedInAdmin(), port, PEERS, uniqueName("bulk"), true);
        openSessionWindowAs(setup);
        page.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=session-status]"), "Connected"));
        assertThat(page.testId("session-recorded").isDisplayed()).isTrue();
        // A slower tab, as on a modest laptop: the terminal, not the network, is the bottleneck, so flow control
        // must hold the equipment back.
        page.browser.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", CPU_SLOWDOWN));

        long started = System.nanoTime();
        page.typeInTerminal("head -c " + SOURCE_BYTES + " /dev/zero | base64; echo bulk-$((6*7))-done\n");
        long maxHeap = 0;
        long maxLatency = 0;
        long maxBacklog = 0;
        int samples = 0;
        boolean done = false;
        while (!done && System.nanoTime() - started < BULK_LIMIT.toNanos()) {
            long asked = System.nanoTime();
            List<?> state = (List<?>) page.browser.executeScript("""
                    const b = window.__airlockTerminal.buffer.active;
                    return [b.getLine(b.baseY + b.cursorY - 1)?.translateToString(true) ?? '',
                            window.__airlockFlow.backlog];""");
            maxLatency = Math.max(maxLatency, System.nanoTime() - asked);
            Object last = state.get(0);
            maxBacklog = Math.max(maxBacklog, ((Number) state.get(1)).longValue());
            maxHeap = Math.max(maxHeap, usedHeap());
            samples++;
            done = "bulk-42-done".equals(String.valueOf(last).strip());
            if (!done) {
                Thread.sleep(500);
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        Object pauses = page.browser.executeScript("return window.__airlockFlow.pauses;");
        System.out.printf("200 MB through Chromium (CPU slowed %dx): %s after %d s, %d samples, max JS heap %.1f MB, max script "
                + "latency %d ms, max terminal backlog %.1f MB, %s pauses%n", CPU_SLOWDOWN, done ? "done" : "NOT done",
                seconds, samples, maxHeap / 1048576.0, Duration.ofNanos(maxLatency).toMillis(), maxBacklog / 1048576.0,
                pauses);

        assertThat(done).as("the line after the output arrived within %s", BULK_LIMIT).isTrue();
        String text = page.terminalText();
        String before = text.substring(0, text.lastIndexOf("bulk-42-done")).stripTrailing();
        assertThat(before.substring(before.lastIndexOf('\n') + 1)).as("the output's last line").matches("A{1,76}");
        assertThat(((Number) pauses).longValue()).as("the page paused the gateway").isPositive();
        assertThat(maxHeap).as("the tab's JS heap").isLessThan(HEAP_LIMIT);
        assertThat(Duration.ofNanos(maxLatency)).as("the page's answer time").isLessThan(SCRIPT_LATENCY_LIMIT);
        page.typeAndAwait("echo after-$((6*7))\n", "after-42");
        page.screenshot("session-bulk-output");
    }

    /** The page's live JavaScript heap, as DevTools reports it. */
    private long usedHeap() {
        Map<String, Object> usage = page.browser.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        return ((Number) usage.get("usedSize")).longValue();
    }
}
