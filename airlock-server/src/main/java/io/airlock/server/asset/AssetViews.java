package io.airlock.server.asset;

import java.util.List;

/** Assets and access methods as administrators see them: never a credential, only what kind is stored. */
final class AssetViews {

    private AssetViews() {
    }

    record HostKeyView(String fingerprint, String pendingFingerprint) {
    }

    record MethodView(long id, Protocol protocol, int port, String username, CredentialKind credential,
            HostKeyView hostKey) {
        static MethodView of(AccessMethod m) {
            return new MethodView(m.id(), m.protocol(), m.port(), m.username(), m.credentialKind(),
                    new HostKeyView(m.hostKeyFingerprint(), m.hostKeyPending()));
        }
    }

    record AssetView(long id, String name, String description, String host, String site, String zone,
            List<MethodView> methods) {
        static AssetView of(Asset a, List<AccessMethod> methods) {
            return new AssetView(a.id(), a.name(), a.description(), a.host(), a.site(), a.zone(),
                    methods.stream().filter(m -> m.assetId() == a.id()).map(MethodView::of).toList());
        }
    }
}
