package io.airlock.server.access;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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
}
