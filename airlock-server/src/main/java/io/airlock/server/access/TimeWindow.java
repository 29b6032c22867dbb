package io.airlock.server.access;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A weekly window in which an access group is open, in the group's time zone.
 *
 * @param days the days it applies to
 * @param startMinute minutes after local midnight, inclusive
 * @param endMinute minutes after local midnight, exclusive; 1440 means until midnight
 */
record TimeWindow(Set<DayOfWeek> days, int startMinute, int endMinute) {

    TimeWindow {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("A time window needs at least one day.");
        }
        if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
            throw new IllegalArgumentException("A time window must start before it ends, within one day.");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    boolean contains(ZonedDateTime localTime) {
        int minute = localTime.getHour() * 60 + localTime.getMinute();
        return days.contains(localTime.getDayOfWeek()) && minute >= startMinute && minute < endMinute;
    }

    int dayBits() {
        int bits = 0;
        for (DayOfWeek d : days) {
            bits |= 1 << (d.getValue() - 1);
        }
        return bits;
    }

    static Set<DayOfWeek> daysOf(int bits) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((bits & (1 << (d.getValue() - 1))) != 0) {
                days.add(d);
            }
        }
        return days;
    }
}
