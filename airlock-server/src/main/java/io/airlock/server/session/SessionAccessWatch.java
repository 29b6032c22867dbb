package io.airlock.server.session;

import io.airlock.server.access.AccessChanged;
import io.airlock.server.access.AccessPolicy;
import io.airlock.server.access.AccountDisabled;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks {@link AccessPolicy} again about every open session: on a timer, because schedule windows close by
 * themselves, and right after an administrator's change is committed. A session that may no longer go on
 * ends with the reason; one whose window closes within {@link #WARN_BEFORE} is warned once.
 *
 * <p>Checks run on this watch's own thread, after any transaction that triggered them has committed, and
 * each ending runs on a thread of its own: no pooled connection is held while a socket is written.
 */
@Component
class SessionAccessWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionAccessWatch.class);
    static final Duration WARN_BEFORE = Duration.ofMinutes(5);
    private static final DateTimeFormatter CLOSING_TIME = DateTimeFormatter.ofPattern("HH:mm (VV)", Locale.ROOT);

    private final LiveSessions live;
    private final AccessPolicy policy;
    private final Duration interval;
    /** The closing time each session was warned about, so one window close warns once. */
    private final Map<Long, Instant> warned = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    SessionAccessWatch(LiveSessions live, AccessPolicy policy,
            @Value("${airlock.session.access-check-interval:PT20S}") Duration interval) {
        this.live = live;
        this.policy = policy;
        this.interval = interval;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAccessChanged(AccessChanged event) {
        checkSoon();
    }

    /** A disabled account keeps nothing open; told as the administrator's act. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAccountDisabled(AccountDisabled event) {
        for (LiveSession session : live.all()) {
            if (session.launch().userId() == event.userId()) {
                session.endAside(EndReason.TERMINATED_BY_ADMIN, "The session was ended because an administrator ("
                        + event.disabledBy() + ") disabled this account.", event.disabledBy());
            }
        }
    }

    private void checkSoon() {
        var running = timer;
        if (running != null) {
            running.execute(this::checkQuietly);
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking the access of open sessions failed; trying again in {} s: {}", interval.toSeconds(),
                    e.toString());
        }
    }

    /** One pass over the open sessions. */
    void check() {
        warned.keySet().removeIf(id -> live.find(id).isEmpty());
        for (LiveSession session : live.all()) {
            try {
                check(session);
            } catch (RuntimeException e) {
                log.warn("Checking the access of session #{} failed; trying again in {} s: {}", session.recordId(),
                        interval.toSeconds(), e.toString());
            }
        }
    }

    private void check(LiveSession session) {
        var launch = session.launch();
        var standing = policy.recheck(launch.userId(), launch.groupId(), launch.methodId(), WARN_BEFORE);
        if (!standing.allowed()) {
            session.endAside(EndReason.ACCESS_ENDED, "Access ended: " + standing.reason(), null);
            return;
        }
        standing.closesAt().ifPresent(closesAt -> {
            if (!closesAt.equals(warned.put(session.recordId(), closesAt))) {
                String at = CLOSING_TIME.withZone(standing.timeZone()).format(closesAt);
                String warning = "{\"type\":\"warning\",\"message\":" + LiveSession.jsonString("The access window of "
                        + launch.groupName() + " closes at " + at + "; the session will end then. Save your work.")
                        + ",\"endsAt\":\"" + closesAt + "\"}";
                // Sent on a thread of its own, so one stalled browser cannot hold up the other checks.
                Thread.ofVirtual().name("session-warn-" + session.recordId()).start(() -> session.warn(warning));
            }
        });
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-access-watch")
                .daemon().factory());
        timer.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        var running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
