package io.airlock.server.access;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may reach which access methods, and when. A group without windows is open at any time.
 */
record AccessGroup(long id, String name, boolean enabled, boolean enforceRecording, ZoneId timeZone,
        List<TimeWindow> windows, Set<Long> memberIds, Set<Long> methodIds) {

    AccessGroup {
        windows = List.copyOf(windows);
        memberIds = Set.copyOf(memberIds);
        methodIds = Set.copyOf(methodIds);
    }

    /** Whether the schedule lets members in at this moment (the enabled flag is checked separately). */
    boolean openAt(Instant now) {
        if (windows.isEmpty()) {
            return true;
        }
        var local = now.atZone(timeZone);
        return windows.stream().anyMatch(w -> w.contains(local));
    }

    /**
     * When the schedule closes within {@code horizon} after {@code now}, if it does. Windows have minute
     * boundaries, so checking each minute ahead is exact.
     */
    Optional<Instant> closesWithin(Instant now, Duration horizon) {
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        Instant end = now.plus(horizon);
        for (Instant t = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES); !t.isAfter(end);
                t = t.plus(1, ChronoUnit.MINUTES)) {
            if (!openAt(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
