package io.airlock.server.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.asset.CredentialKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway host without Xvnc or xfreerdp says so for RDP access methods, and tries nothing. */
class RdpConnectorPrerequisitesTest {

    @TempDir
    Path data;

    @Test
    void missingProgramsAreNamedWithThePackagesToInstall() {
        var rdp = new RdpConnector(data, data.toString());
        assertThat(rdp.unavailable()).hasValueSatisfying(why -> assertThat(why)
                .contains("RDP sessions cannot open on this gateway").contains("Xvnc")
                .contains("tigervnc-standalone-server").contains("freerdp2-x11"));
        var target = new ConnectionTarget("127.0.0.1", 1, "operator", CredentialKind.PASSWORD, "secret", fp -> true);
        assertThatThrownBy(() -> rdp.open(target, 1024, 768)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.getMessage()).contains("the program Xvnc is missing"));
    }

    @Test
    void programsOnThePathMakeRdpAvailable() {
        assertThat(new RdpConnector(data, "/usr/bin:/bin").unavailable()).isEmpty();
    }
}
