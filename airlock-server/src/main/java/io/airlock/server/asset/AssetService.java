package io.airlock.server.asset;

import io.airlock.server.asset.AssetViews.AssetView;
import io.airlock.server.asset.AssetViews.MethodView;
import io.airlock.server.asset.AssetViews.TerminalOptionsView;
import io.airlock.server.audit.AuditLog;
import io.airlock.server.web.ApiException;
import io.airlock.server.web.ApiException.Reason;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Equipment and access methods; System Admins only. Credentials go into the vault and never come back out here. */
@Service
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class AssetService {

    /** A host name or an IPv4/IPv6 literal; nothing that could smuggle options into a connector. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.:_-]{0,252}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final int MAX_SECRET = 16 * 1024;

    private final AssetRepository assets;
    private final CredentialVault vault;
    private final AuditLog audit;
    private final Clock clock;

    AssetService(AssetRepository assets, CredentialVault vault, AuditLog audit, Clock clock) {
        this.assets = assets;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    record AssetRequest(String name, @Nullable String description, String host, @Nullable String site,
            @Nullable String zone) {
    }

    /**
     * An access method as the form sends it. {@code credential} says what to keep: NONE and ASK_USER remove any
     * stored secret, PASSWORD and PRIVATE_KEY store the one given (or keep the stored one of that kind when none
     * is given). Without it the kind follows the secret given, and {@code clearCredential} removes it.
     */
    record MethodRequest(Protocol protocol, Integer port, @Nullable String username, @Nullable String password,
            @Nullable String privateKey, @Nullable Boolean clearCredential, CredentialKind credential, String charset,
            @Nullable String telnetUsernamePrompt, @Nullable String telnetPasswordPrompt,
            @Nullable String telnetSuccessPrompt, @Nullable String telnetFailurePrompt) {

        TerminalSettings terminal(Protocol protocol) {
            return TerminalSettingsRules.check(protocol, charset, telnetUsernamePrompt, telnetPasswordPrompt,
                    telnetSuccessPrompt, telnetFailurePrompt);
        }
    }

    /** The character sets and default Telnet prompts the access method form offers. */
    TerminalOptionsView terminalOptions() {
        return TerminalOptionsView.current();
    }

    List<AssetView> list() {
        List<AccessMethod> methods = assets.findAllMethods();
        return assets.findAllAssets().stream().map(a -> AssetView.of(a, methods)).toList();
    }

    @Transactional
    AssetView create(Authentication actor, AssetRequest request) {
        var clean = validate(request, 0);
        long id = assets.insertAsset(clean.name(), clean.description(), clean.host(), clean.site(), clean.zone(),
                clock.instant());
        audit.record(actor.getName(), "asset.create", clean.name() + " (" + clean.host() + ")");
        return view(id);
    }

    @Transactional
    AssetView update(Authentication actor, long id, AssetRequest request) {
        assets.findAsset(id).orElseThrow(AssetService::noAsset);
        var clean = validate(request, id);
        assets.updateAsset(id, clean.name(), clean.description(), clean.host(), clean.site(), clean.zone(),
                clock.instant());
        audit.record(actor.getName(), "asset.update", clean.name() + " (" + clean.host() + ")");
        return view(id);
    }

    @Transactional
    void delete(Authentication actor, long id) {
        Asset asset = assets.findAsset(id).orElseThrow(AssetService::noAsset);
        assets.deleteAsset(id);
        audit.record(actor.getName(), "asset.delete", asset.name());
    }

    @Transactional
    MethodView addMethod(Authentication actor, long assetId, MethodRequest request) {
        Asset asset = assets.findAsset(assetId).orElseThrow(AssetService::noAsset);
        Protocol protocol = protocol(request);
        long id = assets.insertMethod(assetId, protocol, port(request, protocol), username(request),
                request.terminal(protocol), clock.instant());
        storeCredential(assets.findMethod(id).orElseThrow(), request);
        audit.record(actor.getName(), "method.create", asset.name() + " " + protocol + " #" + id);
        return MethodView.of(assets.findMethod(id).orElseThrow());
    }

    @Transactional
    MethodView updateMethod(Authentication actor, long id, MethodRequest request) {
        AccessMethod method = assets.findMethod(id).orElseThrow(AssetService::noMethod);
        Protocol protocol = protocol(request);
        assets.updateMethod(id, protocol, port(request, protocol), username(request), request.terminal(protocol),
                clock.instant());
        storeCredential(assets.findMethod(id).orElseThrow(), request);
        AccessMethod updated = assets.findMethod(id).orElseThrow();
        audit.record(actor.getName(), "method.update", protocol + " #" + id + ", credential "
                + method.credentialKind() + (updated.credentialKind() == method.credentialKind() ? ""
                        : " -> " + updated.credentialKind()));
        return MethodView.of(updated);
    }

    @Transactional
    void deleteMethod(Authentication actor, long id) {
        assets.findMethod(id).orElseThrow(AssetService::noMethod);
        assets.deleteMethod(id);
        audit.record(actor.getName(), "method.delete", "#" + id);
    }

    /** An admin accepts the new SSH host key the equipment presented, after checking it out of band. */
    @Transactional
    MethodView acceptHostKey(Authentication actor, long id, String fingerprint) {
        AccessMethod method = assets.findMethod(id).orElseThrow(AssetService::noMethod);
        if (method.hostKeyPending() == null || !method.hostKeyPending().equals(fingerprint)) {
            throw new ApiException(Reason.CONFLICT,
                    "That is not the host key waiting for review; reload the page and compare again.");
        }
        assets.pinHostKey(id, fingerprint);
        audit.record(actor.getName(), "method.hostkey.accept",
                "#" + id + " " + method.hostKeyFingerprint() + " -> " + fingerprint);
        return MethodView.of(assets.findMethod(id).orElseThrow());
    }

    /** Stores what the request asks for; {@code method} is the access method as saved a moment before. */
    private void storeCredential(AccessMethod method, MethodRequest request) {
        String password = blankToNull(request.password());
        String key = blankToNull(request.privateKey());
        if (password != null && key != null) {
            throw ApiException.invalidField("privateKey", "Give either a password or a private key, not both.");
        }
        CredentialKind kind = requestedKind(request, password, key);
        if (kind == null) {
            return; // unchanged: credentials are write-only, an empty field keeps the stored one
        }
        if (kind == CredentialKind.NONE || kind == CredentialKind.ASK_USER) {
            if (password != null || key != null) {
                throw ApiException.invalidField(password != null ? "password" : "privateKey",
                        kind == CredentialKind.NONE ? "Nothing is stored with this choice; leave the field empty."
                        : "The user types the credentials when the session opens; nothing secret is stored.");
            }
            assets.updateCredential(method.id(), kind, null);
            return;
        }
        String secret = kind == CredentialKind.PASSWORD ? password : key;
        String field = kind == CredentialKind.PASSWORD ? "password" : "privateKey";
        if (secret == null) {
            if (method.credentialKind() == kind) {
                return; // the stored one of this kind stays
            }
            throw ApiException.invalidField(field, kind == CredentialKind.PASSWORD ? "Enter the password."
                    : "Paste the private key.");
        }
        if (secret.length() > MAX_SECRET) {
            throw ApiException.invalidField(field, "Too long.");
        }
        if (kind == CredentialKind.PRIVATE_KEY && (method.protocol() != Protocol.SSH || !key.contains("PRIVATE KEY"))) {
            throw ApiException.invalidField("privateKey", method.protocol() == Protocol.SSH
                    ? "Paste the private key in OpenSSH or PEM format (-----BEGIN … PRIVATE KEY-----)."
                    : "Private keys are used by SSH only.");
        }
        assets.updateCredential(method.id(), kind, vault.seal(secret, method.credentialContext()));
    }

    /** The credential kind to keep, or null to keep whatever is stored. */
    private static CredentialKind requestedKind(MethodRequest request, String password, String key) {
        if (request.credential() != null) {
            CredentialKind kind = request.credential();
            boolean mismatch = kind == CredentialKind.PASSWORD && key != null
                    || kind == CredentialKind.PRIVATE_KEY && password != null;
            if (mismatch) {
                throw ApiException.invalidField(kind == CredentialKind.PASSWORD ? "privateKey" : "password",
                        "This does not match the credential chosen.");
            }
            return kind;
        }
        if (Boolean.TRUE.equals(request.clearCredential())) {
            return CredentialKind.NONE;
        }
        return password != null ? CredentialKind.PASSWORD : key != null ? CredentialKind.PRIVATE_KEY : null;
    }

    private AssetRequest validate(AssetRequest r, long id) {
        String name = trimmed(r.name(), "name", 128);
        if (name == null) {
            throw ApiException.invalidField("name", "Enter a name.");
        }
        if (assets.assetNameTaken(name, id)) {
            throw ApiException.invalidField("name", "Another asset already has this name.");
        }
        String host = trimmed(r.host(), "host", 255);
        if (host == null || !HOST.matcher(host).matches()) {
            throw ApiException.invalidField("host", "Enter a host name or IP address.");
        }
        return new AssetRequest(name, trimmed(r.description(), "description", 1024), host,
                trimmed(r.site(), "site", 128), trimmed(r.zone(), "zone", 128));
    }

    private static Protocol protocol(MethodRequest r) {
        if (r.protocol() == null) {
            throw ApiException.invalidField("protocol", "Choose a protocol.");
        }
        return r.protocol();
    }

    private static int port(MethodRequest r, Protocol protocol) {
        int port = r.port() == null ? protocol.defaultPort() : r.port();
        if (port < 1 || port > 65535) {
            throw ApiException.invalidField("port", "A port is between 1 and 65535.");
        }
        return port;
    }

    private static String username(MethodRequest r) {
        String username = trimmed(r.username(), "username", 128);
        if (username != null && !username.matches("[^\\s\\p{Cntrl}]+")) {
            throw ApiException.invalidField("username", "A username has no spaces or control characters.");
        }
        return username;
    }

    private AssetView view(long id) {
        return AssetView.of(assets.findAsset(id).orElseThrow(), assets.findAllMethods());
    }

    private static String trimmed(String value, String field, int max) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            throw ApiException.invalidField(field, "At most " + max + " characters.");
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ApiException noAsset() {
        return new ApiException(Reason.NOT_FOUND, "No such asset.");
    }

    private static ApiException noMethod() {
        return new ApiException(Reason.NOT_FOUND, "No such access method.");
    }
}
