package io.airlock.server.bench;

import io.airlock.server.peers.TestPeers;
import io.airlock.server.support.EquipmentSetup;
import io.airlock.server.support.GatewayClient;
import io.airlock.server.support.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Many recorded SSH sessions on one gateway at once, each printing a line every 100 ms with a few bursts,
 * while admins poll Session History as its page does; then every recording is followed until Recorded = Yes.
 * What the benchmark and its smaller test both run: the benchmark prints the figures, the test checks that
 * no session was dropped and every recording was stored.
 */
final class LoadRun {

    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** Sessions being opened at once (SSH servers refuse many unauthenticated connections at once). */
    private static final int OPENING_AT_ONCE = 8;
    private static final String ADMIN_PASSWORD_OF = "own-password-of-";

    /** The gateway under load: its port and what can be read of its process. */
    interface Gateway {
        int port();

        /** Live heap after a full collection, in bytes. */
        long liveHeapBytes();

        /** Threads, open files and such of the gateway's process, for the report. */
        Map<String, Long> processFigures();
    }

    /** How big a run is. */
    record Settings(int sessions, Duration length, int admins, Set<Integer> heapCheckpoints, Duration storeTimeout) {
    }

    /** What a run measured. */
    record Result(int sessions, Duration length, double[] echoMillis, Map<Integer, Long> liveHeap,
            long liveHeapRunning, Map<String, Long> peakProcess, List<String> dropped, Map<String, Integer> endReasons,
            int recorded, Duration untilAllRecorded, double[] pollMillis, Duration openingTook) {

        double echo(double percentile) {
            return LoadRun.percentile(echoMillis, percentile);
        }

        double poll(double percentile) {
            return LoadRun.percentile(pollMillis, percentile);
        }

        /** Live heap per session: from no session to the last checkpoint, divided by its sessions. */
        long heapPerSession() {
            var first = liveHeap.entrySet().iterator().next();
            return slope(first, liveHeap.entrySet().stream().reduce((a, b) -> b).orElseThrow());
        }

        /**
         * What each session beyond the second checkpoint adds: the first sessions also get the node's live
         * video encoders ({@code AIRLOCK_LIVE_ENCODERS}), which the later ones wait for, so they cost more.
         */
        long heapPerLaterSession() {
            List<Map.Entry<Integer, Long>> points = List.copyOf(liveHeap.entrySet());
            return points.size() < 3 ? heapPerSession() : slope(points.get(1), points.getLast());
        }

        private static long slope(Map.Entry<Integer, Long> from, Map.Entry<Integer, Long> to) {
            int sessions = to.getKey() - from.getKey();
            return sessions <= 0 ? 0 : (to.getValue() - from.getValue()) / sessions;
        }
    }

    /** For a run whose figures are read only at its end. */
    static final Consumer<Result> NONE = result -> { };

    private LoadRun() {
    }

    /** Sets up the equipment, user and admins over the API, runs the sessions, waits for every recording. */
    static Result run(Gateway gateway, GatewayClient admin, TestPeers peers, String stem, Settings settings,
            Consumer<Result> sessionsClosed) throws IOException, InterruptedException {
        EquipmentSetup.Setup setup = EquipmentSetup.ssh(admin, gateway.port(), peers, stem, true);
        List<GatewayClient> admins = new ArrayList<>();
        for (int i = 0; i < settings.admins(); i++) {
            admins.add(admin(admin, gateway.port(), stem + "-admin-" + i, i % 2 == 0 ? "SYSTEM_ADMIN"
                    : "ACCESS_ADMIN"));
        }
        Map<Integer, Long> heap = new TreeMap<>();
        Map<String, Long> peak = new LinkedHashMap<>();
        if (settings.heapCheckpoints().contains(0)) {
            heap.put(0, gateway.liveHeapBytes());
        }
        var echo = new ConcurrentLinkedQueue<Double>();
        var polls = new ConcurrentLinkedQueue<Double>();
        var stop = new AtomicBoolean();
        List<Thread> pollers = admins.stream().map(client -> Thread.ofVirtual().name("load-admin")
                .start(() -> poll(client, polls, stop))).toList();
        List<LoadSession> sessions = new ArrayList<>();
        List<Thread> probers = new ArrayList<>();
        long openingStarted = System.nanoTime();
        try {
            // Opened a few at a time, as users arrive, each waiting at its prompt; then all start printing at
            // once, so every session runs together with every other for the whole length.
            int opened = 0;
            var steps = new TreeSet<>(settings.heapCheckpoints());
            steps.add(settings.sessions());
            for (int checkpoint : steps) {
                if (checkpoint <= opened) {
                    continue;
                }
                for (LoadSession session : openTogether(setup, gateway.port(), settings.length(), echo,
                        checkpoint - opened)) {
                    sessions.add(session);
                }
                opened = checkpoint;
                if (settings.heapCheckpoints().contains(checkpoint)) {
                    heap.put(checkpoint, gateway.liveHeapBytes());
                }
                merge(peak, gateway.processFigures());
            }
            Duration opening = Duration.ofNanos(System.nanoTime() - openingStarted);
            for (LoadSession session : sessions) {
                session.start();
                probers.add(Thread.ofVirtual().name("load-prober").start(() -> probe(session)));
            }
            Thread.sleep(settings.length().dividedBy(2).toMillis());
            long heapRunning = gateway.liveHeapBytes();
            merge(peak, gateway.processFigures());
            Duration wait = settings.length().plus(Duration.ofMinutes(2));
            for (LoadSession session : sessions) {
                session.awaitDone(wait);
            }
            merge(peak, gateway.processFigures());
            stop.set(true);
            for (Thread t : probers) {
                t.join();
            }
            for (Thread t : pollers) {
                t.join();
            }
            List<String> dropped = new ArrayList<>();
            for (LoadSession session : sessions) {
                String failure = session.isDone() ? session.failure() : session.failure() == null
                        ? "did not finish in time" : session.failure();
                if (failure != null) {
                    dropped.add("#" + session.sessionId() + ": " + failure);
                }
                session.close();
            }
            long closed = System.nanoTime();
            // The sessions' figures are known now; storing every recording may take long after.
            sessionsClosed.accept(new Result(settings.sessions(), settings.length(), sorted(echo), heap, heapRunning,
                    peak, dropped, Map.of(), 0, Duration.ZERO, sorted(polls), opening));
            Map<String, Integer> endReasons = new TreeMap<>();
            int recorded = awaitRecorded(admin, sessions, settings.storeTimeout(), endReasons, sessionsClosed == NONE
                    ? stored -> { } : stored -> System.out.printf(Locale.ROOT, "  %d of %d recordings stored "
                            + "after %d s%n", stored, sessions.size(), (System.nanoTime() - closed) / 1_000_000_000));
            return new Result(settings.sessions(), settings.length(), sorted(echo), heap, heapRunning, peak, dropped,
                    endReasons, recorded, Duration.ofNanos(System.nanoTime() - closed), sorted(polls), opening);
        } finally {
            stop.set(true);
            sessions.forEach(LoadSession::close);
        }
    }

    /** Opens {@code count} sessions, {@value #OPENING_AT_ONCE} at a time; fails if any does not open. */
    private static List<LoadSession> openTogether(EquipmentSetup.Setup setup, int port, Duration length,
            ConcurrentLinkedQueue<Double> echo, int count) throws IOException, InterruptedException {
        try (var openers = Executors.newFixedThreadPool(OPENING_AT_ONCE,
                Thread.ofVirtual().name("load-opener").factory())) {
            List<Future<LoadSession>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opening.add(openers.submit(() -> LoadSession.open(setup, port, length, echo)));
            }
            List<LoadSession> opened = new ArrayList<>();
            for (var future : opening) {
                try {
                    opened.add(future.get());
                } catch (ExecutionException e) {
                    opened.forEach(LoadSession::close);
                    throw new IOException("a session did not open: " + e.getCause().getMessage(), e.getCause());
                }
            }
            return opened;
        }
    }

    /** A key every second, each session at its own phase, until its program finished. */
    private static void probe(LoadSession session) {
        try {
            Thread.sleep(LoadSession.probePhaseMillis(PROBE_INTERVAL));
            while (!session.isDone() && session.failure() == null) {
                session.probe();
                Thread.sleep(PROBE_INTERVAL.toMillis());
            }
        } catch (IOException e) {
            // the reader reports the broken connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Session History as its page polls it: the live list and the first page, every two seconds. */
    private static void poll(GatewayClient admin, ConcurrentLinkedQueue<Double> millis, AtomicBoolean stop) {
        while (!stop.get()) {
            for (String path : List.of("/api/sessions/live", "/api/sessions?page=0&size=25")) {
                long started = System.nanoTime();
                var reply = admin.get(path);
                if (reply.status() == 200) {
                    millis.add((System.nanoTime() - started) / 1e6);
                }
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Follows every session until its recording is stored; returns how many were, filing end reasons. */
    private static int awaitRecorded(GatewayClient admin, List<LoadSession> sessions, Duration timeout,
            Map<String, Integer> endReasons, IntConsumer everyMinute) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Map<Long, JsonNode> rows = new LinkedHashMap<>();
        while (true) {
            for (LoadSession session : sessions) {
                JsonNode known = rows.get(session.sessionId());
                if (known != null && known.get("recorded").asBoolean()) {
                    continue;
                }
                var reply = admin.get("/api/sessions/" + session.sessionId());
                if (reply.status() == 200) {
                    rows.put(session.sessionId(), Json.parse(reply.body()).get("session"));
                }
            }
            long stored = rows.values().stream().filter(r -> r.get("recorded").asBoolean()).count();
            if (System.nanoTime() > nextReport) {
                everyMinute.accept((int) stored);
                nextReport += Duration.ofMinutes(1).toNanos();
            }
            if (stored == sessions.size() || System.nanoTime() > deadline) {
                rows.values().forEach(r -> endReasons.merge(r.path("endReason").asString("(open)") + " / "
                        + r.get("recordingStatus").asString(), 1, Integer::sum));
                return (int) stored;
            }
            Thread.sleep(2000);
        }
    }

    /** A signed-in admin of the given role, past the first sign-in's password change. */
    private static GatewayClient admin(GatewayClient systemAdmin, int port, String username, String role) {
        String temporary = "temporary-password-1";
        var created = systemAdmin.post("/api/users", Json.object("username", username, "displayName", username,
                "role", role, "password", temporary));
        if (created.status() != 201 && created.status() != 200) {
            throw new IllegalStateException("creating " + username + " failed: " + created.status() + " "
                    + created.body());
        }
        var client = new GatewayClient(port);
        client.signIn(username, temporary);
        var changed = client.post("/api/me/password", Json.object("currentPassword", temporary, "newPassword",
                ADMIN_PASSWORD_OF + username));
        if (changed.status() != 204) {
            throw new IllegalStateException("password change failed: " + changed.status() + " " + changed.body());
        }
        client.signIn(username, ADMIN_PASSWORD_OF + username);
        return client;
    }

    private static void merge(Map<String, Long> peak, Map<String, Long> now) {
        now.forEach((k, v) -> peak.merge(k, v, Math::max));
    }

    private static double[] sorted(ConcurrentLinkedQueue<Double> values) {
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(array);
        return array;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
