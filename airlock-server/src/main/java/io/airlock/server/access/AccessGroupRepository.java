package io.airlock.server.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Access groups with their members, access methods and schedule windows. */
@Repository
class AccessGroupRepository {

    private final JdbcClient jdbc;

    AccessGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String name, boolean enabled, boolean enforceRecording, String timeZone) {
    }

    List<AccessGroup> findAll() {
        List<Row> rows = jdbc.sql("select id, name, enabled, enforce_recording, time_zone from access_group order by name")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled"),
                        rs.getBoolean("enforce_recording"), rs.getString("time_zone")))
                .list();
        Map<Long, Set<Long>> members = pairs("select group_id, user_id from access_group_member");
        Map<Long, Set<Long>> methods = pairs("select group_id, method_id from access_group_method");
        Map<Long, List<TimeWindow>> windows = new HashMap<>();
        jdbc.sql("select group_id, days, start_minute, end_minute from access_group_window order by id")
                .query(rs -> {
                    windows.computeIfAbsent(rs.getLong("group_id"), k -> new ArrayList<>()).add(new TimeWindow(
                            TimeWindow.daysOf(rs.getInt("days")), rs.getInt("start_minute"), rs.getInt("end_minute")));
                });
        return rows.stream().map(r -> new AccessGroup(r.id(), r.name(), r.enabled(), r.enforceRecording(),
                ZoneId.of(r.timeZone()), windows.getOrDefault(r.id(), List.of()),
                members.getOrDefault(r.id(), Set.of()), methods.getOrDefault(r.id(), Set.of()))).toList();
    }

    Optional<AccessGroup> findById(long id) {
        return findAll().stream().filter(g -> g.id() == id).findFirst();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("select count(*) from access_group where lower(name) = lower(?) and id <> ?")
                .params(name, exceptId).query(Long.class).single() > 0;
    }

    long insert(AccessGroup g, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into access_group (name, enabled, enforce_recording, time_zone, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?)")
                .params(g.name(), g.enabled(), g.enforceRecording(), g.timeZone().getId(), Timestamp.from(now),
                        Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeChildren(id, g);
        return id;
    }

    void update(long id, AccessGroup g, Instant now) {
        jdbc.sql("update access_group set name = ?, enabled = ?, enforce_recording = ?, time_zone = ?, updated_at = ? "
                + "where id = ?")
                .params(g.name(), g.enabled(), g.enforceRecording(), g.timeZone().getId(), Timestamp.from(now), id)
                .update();
        jdbc.sql("delete from access_group_member where group_id = ?").param(id).update();
        jdbc.sql("delete from access_group_method where group_id = ?").param(id).update();
        jdbc.sql("delete from access_group_window where group_id = ?").param(id).update();
        writeChildren(id, g);
    }

    boolean delete(long id) {
        return jdbc.sql("delete from access_group where id = ?").param(id).update() > 0;
    }

    private void writeChildren(long id, AccessGroup g) {
        for (long user : g.memberIds()) {
            jdbc.sql("insert into access_group_member (group_id, user_id) values (?, ?)").params(id, user).update();
        }
        for (long method : g.methodIds()) {
            jdbc.sql("insert into access_group_method (group_id, method_id) values (?, ?)").params(id, method).update();
        }
        for (TimeWindow w : g.windows()) {
            jdbc.sql("insert into access_group_window (group_id, days, start_minute, end_minute) values (?, ?, ?, ?)")
                    .params(id, w.dayBits(), w.startMinute(), w.endMinute()).update();
        }
    }

    private Map<Long, Set<Long>> pairs(String sql) {
        Map<Long, Set<Long>> map = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            map.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        return map;
    }
}
