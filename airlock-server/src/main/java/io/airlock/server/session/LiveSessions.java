package io.airlock.server.session;

import io.airlock.server.config.GatewayNode;
import io.airlock.server.recording.RecordingHandOff;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The sessions open right now on this gateway, by history record id. */
@Component
class LiveSessions implements SmartLifecycle, ApplicationRunner {

    private final Map<Long, LiveSession> live = new ConcurrentHashMap<>();
    private final SessionRecordRepository records;
    private final Clock clock;
    private final GatewayNode node;
    private final RecordingHandOff handOff;
    private final TransactionTemplate transactions;

    LiveSessions(SessionRecordRepository records, Clock clock, GatewayNode node, RecordingHandOff handOff,
            TransactionTemplate transactions) {
        this.records = records;
        this.clock = clock;
        this.node = node;
        this.handOff = handOff;
        this.transactions = transactions;
    }

    void add(LiveSession session) {
        live.put(session.recordId(), session);
    }

    void remove(long recordId) {
        live.remove(recordId);
    }

    Optional<LiveSession> find(long recordId) {
        return Optional.ofNullable(live.get(recordId));
    }

    Collection<LiveSession> all() {
        return live.values();
    }

    /**
     * A previous run of this node that died left its sessions' rows open: they ended then, and what they
     * recorded up to that moment goes to the bucket like any other recording. Rows another node already
     * ended while this one was away still have their recordings here: those go to the bucket too.
     */
    @Override
    public void run(ApplicationArguments args) {
        for (long id : records.openOn(node.id())) {
            if (live.containsKey(id)) {
                continue;
            }
            transactions.executeWithoutResult(tx -> {
                records.end(id, clock.instant(), EndReason.GATEWAY_RESTARTED, "The gateway stopped unexpectedly while "
                        + "the session was open; it ended then.", null, 0, 0);
                handOff.ended(id, "The gateway restarted after it stopped unexpectedly; the recording up to that "
                        + "moment is kept.");
            });
        }
        for (long id : records.endedWhileRecordingOn(node.id())) {
            transactions.executeWithoutResult(tx -> handOff.ended(id, "This gateway node started again; the "
                    + "recording up to the moment it stopped is kept."));
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends every session while the web server and the database still work, so users are told and rows close. */
    @Override
    public void stop() {
        running = false;
        for (LiveSession session : live.values()) {
            session.end(EndReason.GATEWAY_STOPPED, "The gateway was stopped.", null);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: before the web server's graceful shutdown and the data source. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
