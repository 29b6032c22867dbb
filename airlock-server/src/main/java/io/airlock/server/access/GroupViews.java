package io.airlock.server.access;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Access groups as the API shows and accepts them. */
final class GroupViews {

    private GroupViews() {
    }

    /** A window as "MON".."SUN" day names and "HH:MM" times; "24:00" ends at midnight. */
    record WindowView(List<String> days, String start, String end) {
        static WindowView of(TimeWindow w) {
            return new WindowView(w.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList(),
                    hhmm(w.startMinute()), hhmm(w.endMinute()));
        }
    }

    record GroupView(long id, String name, boolean enabled, boolean enforceRecording, String timeZone,
            List<WindowView> windows, Set<Long> memberIds, Set<Long> methodIds) {
        static GroupView of(AccessGroup g) {
            return new GroupView(g.id(), g.name(), g.enabled(), g.enforceRecording(), g.timeZone().getId(),
                    g.windows().stream().map(WindowView::of).toList(), g.memberIds(), g.methodIds());
        }
    }

    static String hhmm(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    /** Parses "HH:MM" (00:00 to 24:00); returns -1 when malformed. */
    static int minutes(String hhmm) {
        if (hhmm == null || !hhmm.matches("\\d{2}:\\d{2}")) {
            return -1;
        }
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3));
        int total = h * 60 + m;
        return m < 60 && total <= 24 * 60 ? total : -1;
    }

    static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown day " + name);
    }
}
