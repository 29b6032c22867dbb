package io.airlock.server.access;

import io.airlock.server.asset.AccessMethod;
import io.airlock.server.asset.AssetRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one place that decides whether a user may open a session to an access method through a group, now.
 * Pages, the launch endpoint and the session tunnel all ask here, so the rules cannot drift apart.
 */
@Service
public class AccessPolicy {

    /** The implicit "All Access Method" group of System Admins; recording is never enforced from it. */
    public static final long ALL_ACCESS_METHOD_GROUP = 0;
    static final String ALL_ACCESS_METHOD_NAME = "All Access Method";

    private final AccessGroupRepository groups;
    private final AssetRepository assets;
    private final UserRepository users;
    private final Clock clock;

    AccessPolicy(AccessGroupRepository groups, AssetRepository assets, UserRepository users, Clock clock) {
        this.groups = groups;
        this.assets = assets;
        this.users = users;
        this.clock = clock;
    }

    /**
     * A live session's standing now, from the database rather than the session's sign-in.
     *
     * @param reason why it may not go on, in words for the user; null while it may
     * @param closesAt when the group's schedule closes, if within the horizon asked about
     * @param timeZone the zone the group's schedule is written in, to say that time as its members read it
     */
    public record Standing(boolean allowed, String reason, Optional<Instant> closesAt, ZoneId timeZone) {
    }

    /** Asks again for a session that is open: the account, the group, its schedule and the method. */
    public Standing recheck(long userId, long groupId, long methodId, Duration horizon) {
        var account = users.findById(userId).orElse(null);
        if (account == null || !account.enabled()) {
            return new Standing(false, "This account was disabled.", Optional.empty(), ZoneOffset.UTC);
        }
        if (groupId == ALL_ACCESS_METHOD_GROUP) {
            Decision decision = decide(userId, account.role(), groupId, methodId);
            return new Standing(decision.allowed(), decision.reason(), Optional.empty(), ZoneOffset.UTC);
        }
        Instant now = clock.instant();
        var group = groups.findById(groupId).orElse(null);
        Decision decision = decideIn(group, userId, methodId, now);
        if (!decision.allowed()) {
            return new Standing(false, decision.reason(), Optional.empty(), ZoneOffset.UTC);
        }
        return new Standing(true, null, group.closesWithin(now, horizon), group.timeZone());
    }

    /**
     * The answer for one launch.
     *
     * @param reason why not, in words for the user; null when allowed
     */
    public record Decision(boolean allowed, String reason, String groupName, boolean enforceRecording) {
        static Decision deny(String reason) {
            return new Decision(false, reason, null, false);
        }
    }

    /** A group as the user sees it on Remote Sessions, with what they may open from it. */
    record LaunchableGroup(long groupId, String name, boolean enforceRecording, boolean global, boolean available,
            String reason, List<AccessMethod> methods) {
    }

    public Decision decide(AirlockPrincipal user, long groupId, long methodId) {
        return decide(user.id(), user.role(), groupId, methodId);
    }

    private Decision decide(long userId, Role role, long groupId, long methodId) {
        Instant now = clock.instant();
        if (groupId == ALL_ACCESS_METHOD_GROUP) {
            if (role != Role.SYSTEM_ADMIN) {
                return Decision.deny("Only System Admins may use the All Access Method group.");
            }
            return assets.findMethod(methodId).isPresent()
                    ? new Decision(true, null, ALL_ACCESS_METHOD_NAME, false)
                    : Decision.deny("This access method no longer exists.");
        }
        return decideIn(groups.findById(groupId).orElse(null), userId, methodId, now);
    }

    /** The answer inside one access group, already read; null when it no longer exists. */
    private Decision decideIn(AccessGroup group, long userId, long methodId, Instant now) {
        if (group == null || !group.memberIds().contains(userId)) {
            return Decision.deny("You are not a member of this access group.");
        }
        String closed = closedReason(group, now);
        if (closed != null) {
            return Decision.deny(closed);
        }
        if (!group.methodIds().contains(methodId) || assets.findMethod(methodId).isEmpty()) {
            return Decision.deny("This access method is not part of the access group.");
        }
        return new Decision(true, null, group.name(), group.enforceRecording());
    }

    List<LaunchableGroup> launchable(AirlockPrincipal user) {
        Instant now = clock.instant();
        List<AccessMethod> allMethods = assets.findAllMethods();
        List<LaunchableGroup> result = new ArrayList<>();
        if (user.role() == Role.SYSTEM_ADMIN) {
            result.add(new LaunchableGroup(ALL_ACCESS_METHOD_GROUP, ALL_ACCESS_METHOD_NAME, false, true, true, null,
                    allMethods));
        }
        for (AccessGroup group : groups.findAll()) {
            if (!group.memberIds().contains(user.id())) {
                continue;
            }
            String closed = closedReason(group, now);
            List<AccessMethod> methods = closed != null ? List.of()
                    : allMethods.stream().filter(m -> group.methodIds().contains(m.id())).toList();
            result.add(new LaunchableGroup(group.id(), group.name(), group.enforceRecording(), false, closed == null,
                    closed, methods));
        }
        return result;
    }

    private static String closedReason(AccessGroup group, Instant now) {
        if (!group.enabled()) {
            return "This access group is disabled.";
        }
        if (!group.openAt(now)) {
            return "This access group is outside its schedule now (" + group.timeZone().getId() + ").";
        }
        return null;
    }
}
