package io.airlock.server.storage;

import io.airlock.server.asset.CredentialVault;
import io.airlock.server.audit.AuditLog;
import io.airlock.server.web.ApiException;
import io.airlock.server.web.ApiException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration → External Integrations: create and edit S3 integrations, check them, and choose the one
 * active integration. System Admins only. Secret access keys go into the credential vault on arrival and
 * never come back out through this service.
 */
@Service
class IntegrationService {

    static final String DEFAULT_PREFIX = "airlock/";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()/-]{0,200}");

    private final StorageIntegrationRepository integrations;
    private final StorageClients clients;
    private final CredentialVault vault;
    private final AuditLog audit;
    private final Clock clock;

    IntegrationService(StorageIntegrationRepository integrations, StorageClients clients, CredentialVault vault,
            AuditLog audit, Clock clock) {
        this.integrations = integrations;
        this.clients = clients;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What an administrator submits. On an edit an empty {@code secretAccessKey} keeps the stored one.
     * {@code toString} hides the secret, so the request is safe in any log line.
     */
    record IntegrationForm(String name, String endpoint, String region, String bucket, String prefix,
            String accessKeyId, String secretAccessKey, Boolean pathStyle) {

        @Override
        public String toString() {
            return "IntegrationForm[name=" + name + ", endpoint=" + endpoint + ", region=" + region + ", bucket="
                    + bucket + ", prefix=" + prefix + ", accessKeyId=" + accessKeyId + ", pathStyle=" + pathStyle
                    + "]";
        }
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<IntegrationView> list() {
        return integrations.findAll().stream().map(this::view).toList();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    IntegrationView create(String actor, IntegrationForm form) {
        var settings = validate(form, 0);
        String secret = form.secretAccessKey() == null ? "" : form.secretAccessKey().strip();
        if (secret.isEmpty()) {
            throw ApiException.invalidField("secretAccessKey", "Enter the secret access key.");
        }
        long id = integrations.insertExternal(settings, clock.instant());
        // The vault context holds the id, so the row is created first and its secret sealed right after.
        integrations.updateSecret(id, vault.seal(secret, StorageIntegration.secretContext(id)));
        audit.record(actor, "storage.integration.create", settings.name() + " (bucket " + settings.bucket() + ")");
        return view(integrations.findById(id).orElseThrow());
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    IntegrationView update(String actor, long id, IntegrationForm form) {
        StorageIntegration current = find(id);
        if (current.kind() != StorageKind.S3) {
            throw new ApiException(Reason.INVALID, "The embedded store is configured by the gateway itself.");
        }
        if (current.active()) {
            throw new ApiException(Reason.CONFLICT, "Deactivate the integration before editing it: recordings "
                    + "must not go to a bucket that has not been checked.");
        }
        var settings = validate(form, id);
        integrations.updateExternal(id, settings, clock.instant());
        String secret = form.secretAccessKey() == null ? "" : form.secretAccessKey().strip();
        if (!secret.isEmpty()) {
            integrations.updateSecret(id, vault.seal(secret, StorageIntegration.secretContext(id)));
        }
        // The old check described the old settings.
        integrations.clearCheck(id);
        audit.record(actor, "storage.integration.update", settings.name() + (secret.isEmpty() ? "" : ", new secret"));
        return view(integrations.findById(id).orElseThrow());
    }

    /** Runs the check outside any transaction: it talks to the store for up to a few seconds per probe. */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    IntegrationView check(String actor, long id) {
        StorageIntegration integration = find(id);
        StorageCheck.Result result;
        try (var s3 = clients.checkClientFor(integration)) {
            result = StorageCheck.run(s3, integration, clock);
        } catch (StorageException e) {
            throw new ApiException(Reason.UNAVAILABLE, e.getMessage());
        }
        integrations.saveCheck(id, result);
        // The check writes to the bucket, so it is audited like any other administrative action.
        audit.record(actor, "storage.integration.check", integration.name() + ": "
                + (result.passed() ? "passed" : "failed"));
        return view(integrations.findById(id).orElseThrow());
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    IntegrationView activate(String actor, long id) {
        StorageIntegration integration = find(id);
        if (integration.active()) {
            return view(integration);
        }
        var check = integrations.findCheck(id);
        if (check.isEmpty()) {
            throw new ApiException(Reason.CONFLICT, "Check the integration before activating it.");
        }
        if (!check.get().passed()) {
            throw new ApiException(Reason.CONFLICT, "The latest check failed; fix the failed permissions and check "
                    + "again before activating.");
        }
        String previous = integrations.findActive().map(StorageIntegration::name).orElse(null);
        integrations.deactivateAll();
        integrations.activate(id);
        if (previous != null) {
            audit.record(actor, "storage.integration.deactivate", previous);
        }
        audit.record(actor, "storage.integration.activate", integration.name() + " (bucket " + integration.bucket()
                + ")");
        return view(integrations.findById(id).orElseThrow());
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    IntegrationView deactivate(String actor, long id) {
        StorageIntegration integration = find(id);
        if (!integration.active()) {
            return view(integration);
        }
        integrations.deactivate(id);
        audit.record(actor, "storage.integration.deactivate", integration.name());
        return view(integrations.findById(id).orElseThrow());
    }

    private StorageIntegration find(long id) {
        return integrations.findById(id).orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "No such integration."));
    }

    private IntegrationView view(StorageIntegration integration) {
        return IntegrationView.of(integration, integrations.findCheck(integration.id()).orElse(null));
    }

    private StorageIntegrationRepository.Settings validate(IntegrationForm form, long id) {
        String name = strip(form.name());
        if (name.isEmpty() || name.length() > 128) {
            throw ApiException.invalidField("name", "Enter a name of at most 128 characters.");
        }
        if (integrations.existsByName(name, id)) {
            throw ApiException.invalidField("name", "Another integration already has this name.");
        }
        URI endpoint = endpoint(strip(form.endpoint()));
        String region = strip(form.region()).toLowerCase(Locale.ROOT);
        if (!REGION.matcher(region).matches()) {
            throw ApiException.invalidField("region", "Enter the bucket's region, such as eu-central-1.");
        }
        String bucket = strip(form.bucket());
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw ApiException.invalidField("bucket", "A bucket name has 3 to 63 lower-case letters, digits, dots "
                    + "and hyphens, and starts and ends with a letter or digit.");
        }
        String prefix = strip(form.prefix());
        if (prefix.isEmpty()) {
            prefix = DEFAULT_PREFIX;
        }
        if (!prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (prefix.startsWith("/") || prefix.contains("//") || !PREFIX.matcher(prefix).matches()) {
            throw ApiException.invalidField("prefix", "Use letters, digits and - _ . ! * ' ( ) separated by /, not "
                    + "starting with /; for example airlock/.");
        }
        String accessKeyId = strip(form.accessKeyId());
        if (accessKeyId.isEmpty() || accessKeyId.length() > 128 || accessKeyId.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.invalidField("accessKeyId", "Enter the access key id.");
        }
        return new StorageIntegrationRepository.Settings(name, endpoint, region, bucket, prefix,
                Boolean.TRUE.equals(form.pathStyle()), accessKeyId);
    }

    private static URI endpoint(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null || text.length() > 512) {
                throw ApiException.invalidField("endpoint", "Enter an http:// or https:// address such as "
                        + "https://s3.example.com:9000, or leave it empty for AWS.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("endpoint", "This is not a valid address.");
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
