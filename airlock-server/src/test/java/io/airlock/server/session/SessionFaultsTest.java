package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.session.ScriptedConnector.Fault;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Gateways;
import io.airlock.server.support.Json;
import io.airlock.server.support.MutableClock;
import io.airlock.server.support.TerminalSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opening, running and ending sessions when a step fails — checked exceptions, unchecked ones, a stored
 * credential that no longer opens — and access ending while a session runs. The equipment is an in-memory
 * connector that can fail at any step; the rest is a whole gateway (database, recorder, pipeline, sockets).
 * Each test proves the same promise: the user is told why, the recorder is closed, the history row ends
 * with that reason, monitors are told, and nothing stays open.
 */
class SessionFaultsTest {

    private static final String ADMIN_PASSWORD = "faults-admin-password-1";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A Monday, 16:50 UTC: ten minutes before the test group's window closes. */
    private static final Instant MONDAY_1650 = Instant.parse("2026-11-30T16:50:00Z");
    private static final ScriptedConnector CONNECTOR = new ScriptedConnector();
    private static final MutableClock CLOCK = new MutableClock(MONDAY_1650);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static Path data;
    private static ConfigurableApplicationContext gateway;
    private static GatewayClient admin;

    /** Replaces the Telnet connector and the clock; not a stereotype, so no other gateway scans it. */
    static class FaultBeans {
        @Bean("telnetConnector")
        ScriptedConnector telnetConnector() {
            return CONNECTOR;
        }

        @Bean("clock")
        Clock clock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startGateway() throws Exception {
        data = Files.createTempDirectory("airlock-faults-");
        gateway = Gateways.start(Map.of("AIRLOCK_DATA", data.toString(), "AIRLOCK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "airlock.session.access-check-interval", "PT1H"), FaultBeans.class);
        admin = new GatewayClient(Gateways.port(gateway));
        assertThat(admin.signIn("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void connectorThatCrashesEndsTheOpeningWithAReasonAndDiscardsTheRecording() {
        var setup = setUp(true);
        CONNECTOR.failNext(Fault.OPEN_CRASHES);
        try (var terminal = setup.open()) {
            var ended = terminal.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("error in the gateway");
            assertThat(terminal.awaitClosed(WAIT)).isTrue();
        }
        var row = latestRow(setup);
        assertThat(row.endReason()).isEqualTo(EndReason.ERROR);
        assertThat(row.endDetail()).contains("error in the gateway");
        assertThat(row.recordingStatus()).isEqualTo(RecordingStatus.NONE);
        assertThat(data.resolve("spool").resolve("session-" + row.id() + ".cast")).doesNotExist();
    }

    @Test
    void equipmentThatRefusesTellsTheUserWhy() {
        var setup = setUp(false);
        CONNECTOR.failNext(Fault.OPEN_REFUSED);
        try (var terminal = setup.open()) {
            assertThat(terminal.awaitNotice("ended", WAIT).get("message").asString())
                    .isEqualTo("The equipment refused the test.");
        }
        assertThat(latestRow(setup).endDetail()).isEqualTo("The equipment refused the test.");
    }

    @Test
    void storedCredentialThatNoLongerOpensIsNamedAndNothingConnects() {
        var setup = setUp(false);
        jdbc().sql("update access_method set credential_sealed = 'v1:damaged' where id = ?").param(setup.methodId())
                .update();
        var before = CONNECTOR.equipment();
        try (var terminal = setup.open()) {
            assertThat(terminal.awaitNotice("ended", WAIT).get("message").asString())
                    .contains("credentials stored for this access method cannot be opened");
        }
        assertThat(CONNECTOR.equipment()).isSameAs(before);
        assertThat(latestRow(setup).endReason()).isEqualTo(EndReason.ERROR);
    }

    @Test
    void readThatCrashesMidSessionEndsItEverywhereAndKeepsTheRecording() {
        var setup = setUp(true);
        CONNECTOR.failNext(Fault.READ_CRASHES);
        try (var terminal = setup.open(); var monitor = setup.monitor(terminal)) {
            CONNECTOR.equipment().print("boom".getBytes(StandardCharsets.UTF_8));
            assertThat(terminal.awaitNotice("ended", WAIT).get("reason").asString()).isEqualTo("ERROR");
            assertThat(monitor.awaitNotice("ended", WAIT).get("reason").asString()).isEqualTo("ERROR");
            assertThat(monitor.awaitClosed(WAIT)).isTrue();
        }
        var row = awaitRecordingLeaves(setup, RecordingStatus.RECORDING);
        assertThat(row.endReason()).isEqualTo(EndReason.ERROR);
        assertThat(row.endDetail()).contains("decoder bug");
        assertThat(CONNECTOR.equipment().closed()).isTrue();
    }

    @Test
    void closeThatCrashesStillEndsTheRowTellsEveryoneAndFinishesTheRecording() {
        var setup = setUp(true);
        CONNECTOR.failNext(Fault.CLOSE_CRASHES);
        long id;
        try (var terminal = setup.open(); var monitor = setup.monitor(terminal)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            CONNECTOR.equipment().print("evidence-line\r\n".getBytes(StandardCharsets.UTF_8));
            terminal.awaitOutput("evidence-line", WAIT);
            assertThat(admin.post("/api/sessions/" + id + "/terminate", "").status()).isEqualTo(204);
            assertThat(terminal.awaitNotice("ended", WAIT).get("reason").asString()).isEqualTo("TERMINATED_BY_ADMIN");
            assertThat(monitor.awaitNotice("ended", WAIT).get("reason").asString()).isEqualTo("TERMINATED_BY_ADMIN");
        }
        var row = awaitRecordingLeaves(setup, RecordingStatus.RECORDING);
        assertThat(row.endReason()).isEqualTo(EndReason.TERMINATED_BY_ADMIN);
        assertThat(awaitRecording(id, RecordingStatus.READY).recordingStatus()).isEqualTo(RecordingStatus.READY);
        assertThat(CONNECTOR.equipment().closes()).isEqualTo(1);
    }

    @Test
    void writeThatCrashesEndsTheSessionInsteadOfKillingTheSocketThread() {
        var setup = setUp(false);
        CONNECTOR.failNext(Fault.WRITE_CRASHES);
        try (var terminal = setup.open()) {
            terminal.awaitNotice("ready", WAIT);
            terminal.type("ls\r");
            assertThat(terminal.awaitNotice("ended", WAIT).get("reason").asString()).isEqualTo("EQUIPMENT_CLOSED");
        }
        assertThat(latestRow(setup).endReason()).isEqualTo(EndReason.EQUIPMENT_CLOSED);
    }

    @Test
    void resizeThatCrashesKeepsTheSessionGoing() {
        var setup = setUp(false);
        CONNECTOR.failNext(Fault.RESIZE_CRASHES);
        try (var terminal = setup.open()) {
            terminal.awaitNotice("ready", WAIT);
            terminal.resize(100, 30);
            terminal.type("still-here");
            awaitTyped("still-here");
            assertThat(terminal.isClosed()).isFalse();
        }
    }

    @Test
    void monitorThatAttachesMidStreamGetsTheScreenThenEveryByteOnce() throws Exception {
        var setup = setUp(false);
        try (var terminal = setup.open()) {
            terminal.awaitNotice("ready", WAIT);
            var equipment = CONNECTOR.equipment();
            var printer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    equipment.print(String.format("line-%06d\r\n", i).getBytes(StandardCharsets.US_ASCII));
                }
                equipment.print("THE-END\r\n".getBytes(StandardCharsets.US_ASCII));
            });
            terminal.awaitOutput("line-005000", WAIT);
            try (var monitor = setup.monitor(terminal)) {
                printer.join(WAIT.toMillis());
                terminal.awaitOutput("THE-END", WAIT);
                monitor.awaitOutput("THE-END", WAIT);
                String watched = monitor.output();
                String all = terminal.output();
                // The monitor's stream is one unbroken tail of the session's: nothing lost, nothing twice.
                assertThat(all).endsWith(watched);
                assertThat(watched.length()).isGreaterThan(1000);
            }
        }
    }

    @Test
    void monitorThatStopsReadingIsDroppedWhileTheUserGetsEverything() {
        var setup = setUp(false);
        try (var terminal = setup.open()) {
            terminal.awaitNotice("ready", WAIT);
            try (var monitor = setup.monitor(terminal)) {
                monitor.holdOutput();
                byte[] block = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                terminal.startCounting("START", 16);
                CONNECTOR.equipment().print("START".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 256; i++) { // 16 MB: four times what a monitor may fall behind
                    CONNECTOR.equipment().print(block);
                }
                assertThat(terminal.awaitCounted(256L * block.length, Duration.ofSeconds(60))).isTrue();
                monitor.releaseOutput();
                assertThat(monitor.awaitClosed(WAIT)).isTrue();
                // The reason travels in a close frame, which a monitor whose pipe is full may never receive.
                if (monitor.closeReason() != null && !monitor.closeReason().isEmpty()) {
                    assertThat(monitor.closeReason()).contains("could not keep up");
                }
                assertThat(terminal.isClosed()).isFalse();
            }
        }
    }

    @Test
    void pausedTerminalStopsReadingTheEquipmentUntilResumed() throws Exception {
        var setup = setUp(false);
        try (var terminal = setup.open()) {
            terminal.awaitNotice("ready", WAIT);
            terminal.sendText("{\"type\":\"pause\"}");
            Thread.sleep(300);
            // The read already waiting when the pause came still delivers its one chunk; then reading stops.
            CONNECTOR.equipment().print("in-flight".getBytes(StandardCharsets.US_ASCII));
            terminal.awaitOutput("in-flight", WAIT);
            CONNECTOR.equipment().print("while-paused".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(1000);
            assertThat(terminal.output()).doesNotContain("while-paused");
            terminal.sendText("{\"type\":\"resume\"}");
            terminal.awaitOutput("while-paused", WAIT);
        }
    }

    @Test
    void closingScheduleWindowWarnsFiveMinutesAheadThenEndsTheSession() {
        CLOCK.set(MONDAY_1650);
        var setup = setUp(false, List.of(Map.of("days", List.of("MON"), "start", "08:00", "end", "17:00")));
        try (var terminal = setup.open()) {
            terminal.awaitNotice("ready", WAIT);
            var watch = gateway.getBean(SessionAccessWatch.class);
            watch.check();
            CLOCK.set(MONDAY_1650.plus(Duration.ofMinutes(6))); // 16:56
            watch.check();
            var warning = terminal.awaitNotice("warning", WAIT);
            assertThat(warning.get("endsAt").asString()).isEqualTo("2026-11-30T17:00:00Z");
            assertThat(warning.get("message").asString()).contains("closes at 17:00 (UTC)");
            CLOCK.set(MONDAY_1650.plus(Duration.ofMinutes(10))); // 17:00
            watch.check();
            var ended = terminal.awaitNotice("ended", WAIT);
            assertThat(ended.get("reason").asString()).isEqualTo("ACCESS_ENDED");
            assertThat(ended.get("message").asString()).contains("outside its schedule");
        } finally {
            CLOCK.set(MONDAY_1650);
        }
        assertThat(latestRow(setup).endReason()).isEqualTo(EndReason.ACCESS_ENDED);
    }

    @Test
    void disablingTheGroupOrRemovingTheUserEndsTheirSessionsOnceCommitted() {
        var setup = setUp(false);
        try (var terminal = setup.open()) {
            terminal.awaitNotice("ready", WAIT);
            assertThat(admin.put("/api/groups/" + setup.groupId(), Json.write(Map.of("name", setup.stem() + "-group",
                    "enabled", false, "enforceRecording", false, "memberIds", List.of(setup.userId()), "methodIds",
                    List.of(setup.methodId())))).status()).isEqualTo(200);
            var ended = terminal.awaitNotice("ended", WAIT);
            assertThat(ended.get("reason").asString()).isEqualTo("ACCESS_ENDED");
            assertThat(ended.get("message").asString()).contains("disabled");
        }
        var other = setUp(false);
        try (var terminal = other.open()) {
            terminal.awaitNotice("ready", WAIT);
            assertThat(admin.put("/api/groups/" + other.groupId(), Json.write(Map.of("name", other.stem() + "-group",
                    "enforceRecording", false, "memberIds", List.of(), "methodIds", List.of(other.methodId()))))
                    .status()).isEqualTo(200);
            assertThat(terminal.awaitNotice("ended", WAIT).get("message").asString()).contains("not a member");
        }
        assertThat(latestRow(other).endReason()).isEqualTo(EndReason.ACCESS_ENDED);
    }

    @Test
    void equipmentInCodePage437IsDecodedForTheUserTheMonitorAndTheRecording() throws Exception {
        var setup = setUp(true);
        var changed = admin.put("/api/methods/" + setup.methodId(), Json.object("protocol", "TELNET", "port", 23,
                "username", "operator", "charset", "IBM437"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        long id;
        try (var terminal = setup.open(); var monitor = setup.monitor(terminal)) {
            id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            // ╔═╗ and "Müller" as a DOS-era PLC panel prints them
            CONNECTOR.equipment().print(new byte[] {(byte) 0xC9, (byte) 0xCD, (byte) 0xBB, ' ', 'M', (byte) 0x81, 'l',
                    'l', 'e', 'r'});
            terminal.awaitOutput("╔═╗ Müller", WAIT);
            monitor.awaitOutput("╔═╗ Müller", WAIT);
            terminal.type("ü");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (CONNECTOR.equipment().typedBytes().length == 0 && System.nanoTime() < deadline) {
                sleep();
            }
            assertThat(CONNECTOR.equipment().typedBytes()).containsExactly((byte) 0x81);
        }
        assertThat(awaitRecording(id, RecordingStatus.READY).recordingStatus()).isEqualTo(RecordingStatus.READY);
        var store = gateway.getBean(io.airlock.server.storage.RecordingStore.class);
        String castKey = jdbc().sql("select cast_key from session_record where id = ?").param(id).query(String.class)
                .single();
        var head = store.head(castKey).orElseThrow();
        try (var in = store.getRange(castKey, 0, head.size() - 1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("╔═╗ Müller");
        }
    }

    // ---------------------------------------------------------------------------------------------

    record Setup(GatewayClient user, String stem, long userId, long groupId, long methodId) {
        TerminalSocket open() {
            var reply = user.post("/api/sessions/launch", Json.object("groupId", groupId, "methodId", methodId));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            String ticket = Json.parse(reply.body()).get("ticket").asString();
            return user.openSocket("/ws/terminal?ticket=" + ticket + "&cols=80&rows=24", user.origin());
        }

        TerminalSocket monitor(TerminalSocket terminal) {
            long id = terminal.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var reply = admin.post("/api/sessions/" + id + "/monitor", "");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            var monitor = admin.openSocket("/ws/monitor?ticket=" + Json.parse(reply.body()).get("ticket").asString(),
                    admin.origin());
            var ready = monitor.awaitNotice("ready", WAIT);
            assertThat(ready.get("assetName").asString()).isEqualTo(stem + "-plc");
            return monitor;
        }
    }

    private static Setup setUp(boolean enforceRecording) {
        return setUp(enforceRecording, List.of());
    }

    private static Setup setUp(boolean enforceRecording, List<Map<String, Object>> windows) {
        String stem = "faults-" + NAMES.incrementAndGet();
        long asset = id(admin.post("/api/assets", Json.object("name", stem + "-plc", "host", "127.0.0.1")));
        long method = id(admin.post("/api/assets/" + asset + "/methods", Json.object("protocol", "TELNET", "port", 23,
                "username", "operator", "password", "equipment-secret")));
        String username = stem + "-operator";
        long userId = id(admin.post("/api/users", Json.object("username", username, "displayName", username, "role",
                "USER", "password", "temporary-password-1")));
        var user = new GatewayClient(Gateways.port(gateway));
        user.signIn(username, "temporary-password-1");
        assertThat(user.post("/api/me/password", Json.object("currentPassword", "temporary-password-1",
                "newPassword", "own-password-of-" + username)).status()).isEqualTo(204);
        user.signIn(username, "own-password-of-" + username);
        long group = id(admin.post("/api/groups", Json.write(Map.of("name", stem + "-group", "enforceRecording",
                enforceRecording, "timeZone", "UTC", "windows", windows, "memberIds", List.of(userId), "methodIds",
                List.of(method)))));
        return new Setup(user, stem, userId, group, method);
    }

    private static long id(GatewayClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return Json.parse(reply.body()).get("id").asLong();
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(gateway.getBean(javax.sql.DataSource.class));
    }

    private static SessionRecord latestRow(Setup setup) {
        var records = gateway.getBean(SessionRecordRepository.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long id = jdbc().sql("select max(id) from session_record where username = ?")
                    .param(setup.stem() + "-operator").query(Long.class).single();
            var row = records.find(id).orElseThrow();
            if (row.endedAt() != null || System.nanoTime() > deadline) {
                return row;
            }
            sleep();
        }
    }

    private static SessionRecord awaitRecordingLeaves(Setup setup, RecordingStatus status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        var row = latestRow(setup);
        while (row.recordingStatus() == status && System.nanoTime() < deadline) {
            sleep();
            row = latestRow(setup);
        }
        assertThat(row.recordingStatus()).isNotEqualTo(status);
        return row;
    }

    private static SessionRecord awaitRecording(long id, RecordingStatus wanted) {
        return RecordingStatusWait.until(gateway.getBean(SessionRecordRepository.class), id, wanted,
                Duration.ofSeconds(60));
    }

    private static void awaitTyped(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!CONNECTOR.equipment().typed().contains(text) && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(CONNECTOR.equipment().typed()).contains(text);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
