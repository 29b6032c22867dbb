package io.airlock.server.asset;

import io.airlock.server.asset.TerminalSettingsRules.CharsetOption;
import io.airlock.server.connector.TelnetPrompts;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Assets and access methods as administrators see them: never a credential, only what kind is stored. */
final class AssetViews {

    private AssetViews() {
    }

    record HostKeyView(@Nullable String fingerprint, @Nullable String pendingFingerprint) {
    }

    /** Telnet prompt patterns; in a method, null where the default applies. */
    record PromptsView(@Nullable String username, @Nullable String password, @Nullable String success,
            @Nullable String failure) {
        static PromptsView of(TelnetPrompts prompts) {
            return new PromptsView(prompts.username(), prompts.password(), prompts.success(), prompts.failure());
        }
    }

    record MethodView(long id, Protocol protocol, int port, @Nullable String username, CredentialKind credential,
            HostKeyView hostKey, String charset, PromptsView telnetPrompts) {
        static MethodView of(AccessMethod m) {
            TerminalSettings t = m.terminal();
            return new MethodView(m.id(), m.protocol(), m.port(), m.username(), m.credentialKind(),
                    new HostKeyView(m.hostKeyFingerprint(), m.hostKeyPending()), t.charsetName(),
                    new PromptsView(t.usernamePrompt(), t.passwordPrompt(), t.successPrompt(), t.failurePrompt()));
        }
    }

    record AssetView(long id, String name, @Nullable String description, String host, @Nullable String site,
            @Nullable String zone, List<MethodView> methods) {
        static AssetView of(Asset a, List<AccessMethod> methods) {
            return new AssetView(a.id(), a.name(), a.description(), a.host(), a.site(), a.zone(),
                    methods.stream().filter(m -> m.assetId() == a.id()).map(MethodView::of).toList());
        }
    }

    /** What the access method form offers: common character sets and the default Telnet prompt patterns. */
    record TerminalOptionsView(List<CharsetOption> charsets, PromptsView telnetPromptDefaults) {
        static TerminalOptionsView current() {
            return new TerminalOptionsView(TerminalSettingsRules.COMMON_CHARSETS,
                    PromptsView.of(TelnetPrompts.DEFAULTS));
        }
    }
}
