package io.airlock.server.session;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.cluster.GatewayNodes;
import io.airlock.server.recording.RecordingHandOff;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions of every gateway node sharing the database, as one node takes part in them. Once a second
 * it runs what other nodes asked of its sessions (Terminate). Every few seconds it publishes its sessions'
 * byte counts for the other nodes' live lists, ends the sessions of nodes that stopped sending heartbeats
 * ("Gateway node stopped"; their recordings are completed when that node starts again), and ends its own
 * sessions that another node ended while this one seemed dead.
 */
@Component
class ClusterSessions implements SmartLifecycle {

    static final String TERMINATE = "TERMINATE";
    private static final int SWEEP_EVERY_TICKS = 5;
    private static final Logger log = LoggerFactory.getLogger(ClusterSessions.class);

    private final JdbcClient jdbc;
    private final GatewayNodes nodes;
    private final LiveSessions live;
    private final SessionRecordRepository records;
    private final RecordingHandOff handOff;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicLong ticks = new AtomicLong();
    /** Byte totals last written per session; guarded by this object (the timer and tests sweep). */
    private final Map<Long, Long> published = new HashMap<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    ClusterSessions(JdbcClient jdbc, GatewayNodes nodes, LiveSessions live, SessionRecordRepository records,
            RecordingHandOff handOff, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.live = live;
        this.records = records;
        this.handOff = handOff;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The other node running an open session, and where it is reached; empty when none alive runs it. */
    Optional<GatewayNodes.Node> runningNode(long sessionId) {
        String owner = records.openSessionNodes().get(sessionId);
        if (owner == null || owner.equals(nodes.self())) {
            return Optional.empty();
        }
        return nodes.all().stream().filter(n -> n.id().equals(owner) && n.alive() && n.address() != null)
                .findFirst();
    }

    /** Asks the node running a session to terminate it; returns false when no live node runs it. */
    boolean requestTerminate(long sessionId, String admin) {
        var owner = runningNode(sessionId);
        if (owner.isEmpty()) {
            return false;
        }
        jdbc.sql("insert into session_command (session_id, node_id, command, issued_by, issued_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(sessionId, owner.get().id(), TERMINATE, admin, Timestamp.from(clock.instant())).update();
        return true;
    }

    /** One pass of the timer: commands every time, the sweep every few passes. */
    private void tick() {
        runCommands();
        if (ticks.getAndIncrement() % SWEEP_EVERY_TICKS == 0) {
            sweep();
        }
    }

    /** Publishes this node's counts and ends sessions whose node is gone or that another node ended. */
    void sweep() {
        publishCounters();
        endSessionsOfGoneNodes();
        endSessionsEndedElsewhere();
    }

    private void runCommands() {
        record Command(long id, long sessionId, String command, String issuedBy) {
        }
        List<Command> commands = jdbc.sql("select id, session_id, command, issued_by from session_command "
                        + "where node_id = ? order by id").param(nodes.self())
                .query((rs, n) -> new Command(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Command c : commands) {
            if (jdbc.sql("delete from session_command where id = ?").param(c.id()).update() == 0) {
                continue;
            }
            if (TERMINATE.equals(c.command())) {
                live.find(c.sessionId()).ifPresent(session -> session.endAside(EndReason.TERMINATED_BY_ADMIN,
                        "The session was terminated by an administrator (" + c.issuedBy() + ").", c.issuedBy()));
            }
        }
    }

    /** Only sessions whose counts moved since the last time: an idle session costs no write. */
    private synchronized void publishCounters() {
        published.keySet().retainAll(live.all().stream().map(LiveSession::recordId).toList());
        for (LiveSession session : live.all()) {
            long total = session.bytesToEquipment() + session.bytesFromEquipment();
            Long before = published.put(session.recordId(), total);
            if (before == null || before != total) {
                records.counters(session.recordId(), session.bytesToEquipment(), session.bytesFromEquipment());
            }
        }
    }

    private void endSessionsOfGoneNodes() {
        for (String gone : nodes.goneOthers()) {
            for (long id : records.openOnlyOn(gone)) {
                // Every live node sweeps; the one whose update ends the row tells the rest of the story.
                Boolean ended = transactions.execute(tx -> {
                    if (!records.end(id, clock.instant(), EndReason.NODE_STOPPED, "Gateway node " + gone
                            + " stopped sending heartbeats; the session ended with it. Its recording is completed "
                            + "when that node starts again.", null, 0, 0)) {
                        return false;
                    }
                    handOff.endedElsewhere(id, "Gateway node " + gone + " stopped; gateway node " + nodes.self()
                            + " ended the session. The recording is completed when " + gone + " starts again.");
                    return true;
                });
                if (Boolean.TRUE.equals(ended)) {
                    audit.record("gateway " + nodes.self(), "session.node-stopped", "#" + id + " on " + gone);
                    log.warn("Session #{} ended: its gateway node {} stopped sending heartbeats", id, gone);
                }
            }
        }
    }

    private void endSessionsEndedElsewhere() {
        // Sessions first, rows second: a session registers here after its row is written, so every session
        // in the list had its row before the rows were read, and a missing row means it was ended.
        List<LiveSession> sessions = List.copyOf(live.all());
        var open = records.openSessionNodes();
        for (LiveSession session : sessions) {
            if (!open.containsKey(session.recordId())) {
                session.endAside(EndReason.NODE_STOPPED, "Another gateway node ended this session while this node "
                        + "did not answer.", null);
            }
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cluster-sessions").daemon()
                .factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("Cluster session check failed, retrying in a second: {}", e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the live sessions end, so it does not act on sessions this node is ending itself. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
