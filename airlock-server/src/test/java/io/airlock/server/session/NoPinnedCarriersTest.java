package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import io.airlock.server.support.TerminalSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sessions live on virtual threads; one that blocks while pinned to its carrier holds an operating-system
 * thread, and a few hundred idle sessions would starve the gateway. The JDK reports every such block as a
 * {@code jdk.VirtualThreadPinned} event: an SSH and a Telnet session, each watched by a monitor, idle,
 * typed into and closed, must cause none.
 */
@Tag("peers")
class NoPinnedCarriersTest extends GatewayTest {

    private static final TestPeers PEERS = TestPeers.load();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void idleAndBusySshAndTelnetSessionsWithMonitorsNeverPinACarrier() throws Exception {
        List<String> pinned = new CopyOnWriteArrayList<>();
        try (var jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(1)).withStackTrace();
            jfr.onEvent("jdk.VirtualThreadPinned", event -> pinned.add(describe(event)));
            jfr.startAsync();
            exercise("SSH", PEERS.sshPort());
            exercise("TELNET", PEERS.telnetPort());
            jfr.stop();
        }
        assertThat(pinned).as("virtual threads pinned while blocked").isEmpty();
    }

    private void exercise(String protocol, int port) throws InterruptedException {
        var admin = signedInAdmin();
        String stem = uniqueName("pin-" + protocol.toLowerCase(java.util.Locale.ROOT));
        long asset = Json.parse(admin.post("/api/assets", Json.object("name", stem, "host", PEERS.host())).body())
                .get("id").asLong();
        long method = Json.parse(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", protocol,
                "port", port, "username", PEERS.user(), "password", PEERS.password())).body()).get("id").asLong();
        var reply = admin.post("/api/sessions/launch", Json.object("groupId", 0, "methodId", method));
        String ticket = Json.parse(reply.body()).get("ticket").asString();
        try (TerminalSocket terminal = admin.openSocket("/ws/terminal?ticket=" + ticket, admin.origin())) {
            long id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            terminal.type("echo pin-$((40+2))\r");
            terminal.awaitOutput("pin-42", WAIT);
            try (var monitor = monitor(admin, id)) {
                Thread.sleep(3000); // idle: the pump waits for the equipment, the monitor for output
                terminal.type("seq 1 20000 | tail -1\r");
                terminal.awaitOutput("20000", WAIT);
                monitor.awaitOutput("20000", WAIT);
            }
        }
    }

    private static TerminalSocket monitor(GatewayClient admin, long id) {
        String ticket = Json.parse(admin.post("/api/sessions/" + id + "/monitor", "").body()).get("ticket").asString();
        var monitor = admin.openSocket("/ws/monitor?ticket=" + ticket, admin.origin());
        monitor.awaitNotice("ready", WAIT);
        return monitor;
    }

    private static String describe(RecordedEvent event) {
        var stack = event.getStackTrace();
        return event.getDuration() + " " + (stack == null ? "" : stack.getFrames().stream().limit(12)
                .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList());
    }
}
