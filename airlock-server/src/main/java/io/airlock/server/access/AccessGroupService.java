package io.airlock.server.access;

import io.airlock.server.access.GroupViews.GroupView;
import io.airlock.server.access.GroupViews.WindowView;
import io.airlock.server.asset.AssetRepository;
import io.airlock.server.audit.AuditLog;
import io.airlock.server.web.ApiException;
import io.airlock.server.web.ApiException.Reason;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Access groups: Access Admins and System Admins manage them. */
@Service
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
class AccessGroupService {

    static final int MAX_WINDOWS = 28;

    private final AccessGroupRepository groups;
    private final UserRepository users;
    private final AssetRepository assets;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccessGroupService(AccessGroupRepository groups, UserRepository users, AssetRepository assets, AuditLog audit,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.groups = groups;
        this.users = users;
        this.assets = assets;
        this.audit = audit;
        this.clock = clock;
    }

    record GroupRequest(String name, Boolean enabled, Boolean enforceRecording, String timeZone,
            List<WindowView> windows, Set<Long> memberIds, Set<Long> methodIds) {
    }

    record UserOption(long id, String username, String displayName) {
    }

    record MethodOption(long id, long assetId, String assetName, String host, String protocol, int port) {
    }

    record Options(List<UserOption> users, List<MethodOption> methods) {
    }

    List<GroupView> list() {
        return groups.findAll().stream().map(GroupView::of).toList();
    }

    Options options() {
        var userOptions = users.findAll().stream().filter(UserAccount::enabled)
                .map(u -> new UserOption(u.id(), u.username(), u.displayName())).toList();
        var methodOptions = assets.findAllMethods().stream().map(m -> {
            var asset = assets.findAsset(m.assetId()).orElseThrow();
            return new MethodOption(m.id(), m.assetId(), asset.name(), asset.host(), m.protocol().name(), m.port());
        }).sorted((a, b) -> a.assetName().compareToIgnoreCase(b.assetName())).toList();
        return new Options(userOptions, methodOptions);
    }

    @Transactional
    GroupView create(Authentication actor, GroupRequest request) {
        AccessGroup group = validate(request, 0);
        long id = groups.insert(group, clock.instant());
        audit.record(actor.getName(), "group.create", describe(group));
        return GroupView.of(groups.findById(id).orElseThrow());
    }

    @Transactional
    GroupView update(Authentication actor, long id, GroupRequest request) {
        groups.findById(id).orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "No such access group."));
        AccessGroup group = validate(request, id);
        groups.update(id, group, clock.instant());
        audit.record(actor.getName(), "group.update", describe(group));
        events.publishEvent(new AccessChanged(actor.getName()));
        return GroupView.of(groups.findById(id).orElseThrow());
    }

    @Transactional
    void delete(Authentication actor, long id) {
        AccessGroup group = groups.findById(id)
                .orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "No such access group."));
        groups.delete(id);
        audit.record(actor.getName(), "group.delete", group.name());
        events.publishEvent(new AccessChanged(actor.getName()));
    }

    private AccessGroup validate(GroupRequest r, long id) {
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 128) {
            throw ApiException.invalidField("name", "Enter a name of at most 128 characters.");
        }
        if (groups.nameTaken(name, id)) {
            throw ApiException.invalidField("name", "Another access group already has this name.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(r.timeZone() == null || r.timeZone().isBlank() ? "UTC" : r.timeZone());
        } catch (DateTimeException e) {
            throw ApiException.invalidField("timeZone", "Unknown time zone.");
        }
        List<WindowView> requested = r.windows() == null ? List.of() : r.windows();
        if (requested.size() > MAX_WINDOWS) {
            throw ApiException.invalidField("windows", "At most " + MAX_WINDOWS + " time windows.");
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (WindowView w : requested) {
            windows.add(window(w));
        }
        Set<Long> members = r.memberIds() == null ? Set.of() : new HashSet<>(r.memberIds());
        for (long user : members) {
            if (users.findById(user).isEmpty()) {
                throw ApiException.invalidField("memberIds", "A selected user no longer exists; reload the page.");
            }
        }
        Set<Long> methods = r.methodIds() == null ? Set.of() : new HashSet<>(r.methodIds());
        for (long method : methods) {
            if (assets.findMethod(method).isEmpty()) {
                throw ApiException.invalidField("methodIds",
                        "A selected access method no longer exists; reload the page.");
            }
        }
        return new AccessGroup(id, name, r.enabled() == null || r.enabled(), Boolean.TRUE.equals(r.enforceRecording()),
                zone, windows, members, methods);
    }

    private static TimeWindow window(WindowView w) {
        int start = GroupViews.minutes(w.start());
        int end = GroupViews.minutes(w.end());
        if (end == 0) {
            end = 24 * 60; // a window "until 00:00" runs to midnight: time inputs cannot say 24:00
        }
        if (start < 0 || end < 0 || start >= end) {
            throw ApiException.invalidField("windows", "Each time window needs a start before its end (HH:MM).");
        }
        if (w.days() == null || w.days().isEmpty()) {
            throw ApiException.invalidField("windows", "Each time window needs at least one day.");
        }
        try {
            return new TimeWindow(w.days().stream().map(GroupViews::day).collect(Collectors.toSet()), start, end);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("windows", e.getMessage());
        }
    }

    private static String describe(AccessGroup g) {
        return g.name() + " (enabled=" + g.enabled() + ", enforceRecording=" + g.enforceRecording() + ", members="
                + g.memberIds().size() + ", methods=" + g.methodIds().size() + ", windows=" + g.windows().size() + ")";
    }
}
