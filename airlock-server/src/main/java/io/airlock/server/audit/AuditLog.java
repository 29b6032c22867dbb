package io.airlock.server.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who did what, when: administrative actions kept in the database for auditors. Details must never hold
 * a secret; callers pass names and ids, not passwords or keys.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One audited action. */
    public record Entry(Instant at, String actor, String action, String detail) {
    }

    public void record(String actor, String action, String detail) {
        Instant now = clock.instant();
        jdbc.sql("insert into audit_event (at, actor, action, detail) values (?, ?, ?, ?)")
                .params(Timestamp.from(now), actor, action, detail).update();
        log.info("audit actor={} action={} detail={}", actor, action, detail);
    }

    public List<Entry> recent(int limit) {
        return jdbc.sql("select at, actor, action, detail from audit_event order by id desc fetch first ? rows only")
                .param(limit)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail")))
                .list();
    }
}
