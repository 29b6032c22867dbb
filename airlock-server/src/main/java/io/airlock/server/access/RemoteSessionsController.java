package io.airlock.server.access;

import io.airlock.server.asset.AccessMethod;
import io.airlock.server.asset.AssetRepository;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Remote Sessions: what the signed-in user may open, per group. */
@RestController
class RemoteSessionsController {

    private final AccessPolicy policy;
    private final AssetRepository assets;

    RemoteSessionsController(AccessPolicy policy, AssetRepository assets) {
        this.policy = policy;
        this.assets = assets;
    }

    record GroupSummary(long id, String name, boolean enforceRecording, boolean global) {
    }

    record MethodEntry(long id, String assetName, @Nullable String assetDescription, String host,
            @Nullable String site, @Nullable String zone, String protocol, int port) {
    }

    record GroupEntry(GroupSummary group, boolean available, @Nullable String reason, List<MethodEntry> methods) {
    }

    @GetMapping("/api/remote-sessions")
    List<GroupEntry> list(@AuthenticationPrincipal AirlockPrincipal me) {
        return policy.launchable(me).stream().map(g -> new GroupEntry(
                new GroupSummary(g.groupId(), g.name(), g.enforceRecording(), g.global()), g.available(), g.reason(),
                g.methods().stream().map(this::entry).toList())).toList();
    }

    private MethodEntry entry(AccessMethod m) {
        var asset = assets.findAsset(m.assetId()).orElseThrow();
        return new MethodEntry(m.id(), asset.name(), asset.description(), asset.host(), asset.site(), asset.zone(),
                m.protocol().name(), m.port());
    }
}
