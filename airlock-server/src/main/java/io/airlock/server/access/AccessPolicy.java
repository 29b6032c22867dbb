package io.airlock.server.access;

import io.airlock.server.asset.AccessMethod;
import io.airlock.server.asset.AssetRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final Clock clock;

    AccessPolicy(AccessGroupRepository groups, AssetRepository assets, Clock clock) {
        this.groups = groups;
        this.assets = assets;
        this.clock = clock;
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
        Instant now = clock.instant();
        if (groupId == ALL_ACCESS_METHOD_GROUP) {
            if (user.role() != Role.SYSTEM_ADMIN) {
                return Decision.deny("Only System Admins may use the All Access Method group.");
            }
            return assets.findMethod(methodId).isPresent()
                    ? new Decision(true, null, ALL_ACCESS_METHOD_NAME, false)
                    : Decision.deny("This access method no longer exists.");
        }
        var group = groups.findById(groupId).orElse(null);
        if (group == null || !group.memberIds().contains(user.id())) {
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
