package io.airlock.server.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialVaultTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void sealedSecretOpensInItsOwnContextOnly() {
        var vault = CredentialVault.load(KEY, Path.of("unused"));
        String sealed = vault.seal("plc-password", "access-method:1:password");

        assertThat(sealed).doesNotContain("plc-password").startsWith("v1.");
        assertThat(vault.open(sealed, "access-method:1:password")).isEqualTo("plc-password");
        assertThatThrownBy(() -> vault.open(sealed, "access-method:2:password"))
                .isInstanceOf(CredentialVault.VaultException.class).hasMessageContaining("another record");
    }

    @Test
    void duringARotationTheOldKeyStillOpensWhatItSealedAndOnlyTheNewKeySeals() {
        byte[] fresh = new byte[32];
        fresh[0] = 7;
        String newKey = Base64.getEncoder().encodeToString(fresh);
        String old = CredentialVault.load(KEY, Path.of("unused")).seal("plc-password", "access-method:1:credential");

        var rotating = CredentialVault.load(newKey, Path.of("unused")).rotatingFrom(KEY);
        assertThat(rotating.sealedWithPrevious(old)).isTrue();
        assertThat(rotating.open(old, "access-method:1:credential")).isEqualTo("plc-password");
        String again = rotating.seal("plc-password", "access-method:1:credential");
        assertThat(rotating.sealedWithPrevious(again)).isFalse();

        var afterwards = CredentialVault.load(newKey, Path.of("unused"));
        assertThat(afterwards.open(again, "access-method:1:credential")).isEqualTo("plc-password");
        assertThatThrownBy(() -> afterwards.open(old, "access-method:1:credential"))
                .hasMessageContaining("different master key");
        assertThat(CredentialVault.load(KEY, Path.of("unused")).rotatingFrom("")).isNotNull();
        assertThatThrownBy(() -> rotating.rotatingFrom("short"))
                .hasMessageContaining("AIRLOCK_MASTER_KEY_PREVIOUS");
    }

    @Test
    void sameSecretSealsDifferentlyEachTime() {
        var vault = CredentialVault.load(KEY, Path.of("unused"));

        assertThat(vault.seal("x", "c")).isNotEqualTo(vault.seal("x", "c"));
    }

    @Test
    void alteredCiphertextIsDetected() {
        var vault = CredentialVault.load(KEY, Path.of("unused"));
        String sealed = vault.seal("secret", "ctx");
        // Change a character well inside the base64 text: the last one may only carry padding bits.
        int at = sealed.length() - 5;
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> vault.open(altered, "ctx")).isInstanceOf(CredentialVault.VaultException.class);
        assertThatThrownBy(() -> vault.open("plaintext", "ctx")).hasMessageContaining("format");
    }

    @Test
    void secretFromAnotherMasterKeyGivesAClearMessage() {
        var other = new byte[32];
        other[0] = 1;
        String sealed = CredentialVault.load(Base64.getEncoder().encodeToString(other), Path.of("x")).seal("s", "c");

        assertThatThrownBy(() -> CredentialVault.load(KEY, Path.of("x")).open(sealed, "c"))
                .hasMessageContaining("different master key").hasMessageContaining("AIRLOCK_MASTER_KEY");
    }

    @Test
    void generatedKeyFileIsOwnerOnlyAndReusedOnRestart(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        var first = CredentialVault.load("", keys);
        String sealed = first.seal("kept", "c");

        var restarted = CredentialVault.load(null, keys);

        assertThat(restarted.open(sealed, "c")).isEqualTo("kept");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(CredentialVault.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void badMasterKeySettingIsExplained() {
        assertThatThrownBy(() -> CredentialVault.load("not base64!", Path.of("x")))
                .hasMessageContaining("AIRLOCK_MASTER_KEY is not valid base64");
        assertThatThrownBy(() -> CredentialVault.load(Base64.getEncoder().encodeToString(new byte[16]), Path.of("x")))
                .hasMessageContaining("32 bytes, not 16");
    }

    @Test
    void damagedKeyFileIsExplained(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(CredentialVault.KEY_FILE), "c2hvcnQ=\n");

        assertThatThrownBy(() -> CredentialVault.load("", dir)).hasMessageContaining("damaged")
                .hasMessageContaining("Restore it from backup");
    }
}
