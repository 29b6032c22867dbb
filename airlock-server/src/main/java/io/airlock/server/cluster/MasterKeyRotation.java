package io.airlock.server.cluster;

import io.airlock.server.asset.AccessMethod;
import io.airlock.server.asset.CredentialVault;
import io.airlock.server.storage.StorageIntegration;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Completes a master key rotation at start: with {@code AIRLOCK_MASTER_KEY} set to the new key and
 * {@code AIRLOCK_MASTER_KEY_PREVIOUS} to the old one, every secret still sealed with the old key is opened
 * and sealed again with the new one. Each row is changed only if it still holds what was read, so nodes
 * doing it at once do not overwrite each other; running it again finds nothing left to do.
 */
@Component
class MasterKeyRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

    private record SealedColumn(String table, String column, LongFunction<String> context) {
    }

    private static final List<SealedColumn> SEALED = List.of(
            new SealedColumn("access_method", "credential_sealed", AccessMethod::credentialContext),
            new SealedColumn("storage_integration", "secret_sealed", StorageIntegration::secretContext));

    private final JdbcClient jdbc;
    private final CredentialVault vault;

    MasterKeyRotation(JdbcClient jdbc, CredentialVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public void run(ApplicationArguments args) {
        int resealed = 0;
        for (SealedColumn sealed : SEALED) {
            resealed += reseal(sealed);
        }
        if (resealed > 0) {
            log.info("Master key rotation: {} secret(s) sealed again with key {}; once every node runs with it, "
                    + "AIRLOCK_MASTER_KEY_PREVIOUS can be removed", resealed, vault.keyId());
        }
    }

    int reseal(SealedColumn sealed) {
        record Row(long id, String value) {
        }
        List<Row> rows = jdbc.sql("select id, " + sealed.column() + " from " + sealed.table() + " where "
                        + sealed.column() + " is not null")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
        int changed = 0;
        for (Row row : rows) {
            if (!vault.sealedWithPrevious(row.value())) {
                continue;
            }
            String context = sealed.context().apply(row.id());
            String again = vault.seal(vault.open(row.value(), context), context);
            changed += jdbc.sql("update " + sealed.table() + " set " + sealed.column() + " = ? where id = ? and "
                    + sealed.column() + " = ?").params(again, row.id(), row.value()).update();
        }
        return changed;
    }
}
