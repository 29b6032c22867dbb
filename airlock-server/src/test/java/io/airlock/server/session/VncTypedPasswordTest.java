package io.airlock.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.rfb.ClientMessages;
import io.airlock.rfb.Encodings;
import io.airlock.rfb.RfbHandshake;
import io.airlock.rfb.ServerMessage;
import io.airlock.rfb.ServerMessageReader;
import io.airlock.server.support.Json;
import io.airlock.server.support.RfbSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A VNC access method that stores no password: the session window asks the user for it (no username: VNC
 * has none), the gateway signs in to the real TigerVNC peer with it once, and keeps it nowhere.
 */
@Tag("peers")
class VncTypedPasswordTest extends VncGatewayTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void theTypedVncPasswordOpensTheDesktopAndIsKeptNowhere() throws Exception {
        var setup = setUp(PEERS.vncPort(), askedPassword());
        var grant = Json.parse(setup.client().post("/api/sessions/launch",
                Json.object("groupId", setup.groupId(), "methodId", setup.methodId())).body());
        assertThat(grant.get("askCredentials").asBoolean()).isTrue();
        long id;
        try (var socket = setup.client().openSocket("/ws/terminal?ticket=" + grant.get("ticket").asString(),
                setup.client().origin())) {
            socket.sendText(Json.object("type", "sign-in", "password", PEERS.vncPassword()));
            id = socket.awaitNotice("ready", WAIT).get("sessionId").asLong();
            var in = new RfbSocket.Input(socket, WAIT, true);
            var out = new RfbSocket.Output(socket);
            var init = RfbHandshake.connect(in, out, Optional.empty(), true);
            out.write(ClientMessages.setEncodings(List.of(Encodings.ZRLE, Encodings.RAW)));
            out.write(ClientMessages.framebufferUpdateRequest(false, 0, 0, init.width(), init.height()));
            out.flush();
            var reader = new ServerMessageReader(in, init.newFramebuffer(init.pixelFormat()));
            assertThat(reader.next()).get().isInstanceOf(ServerMessage.FramebufferUpdate.class);
            assertThat(new String(in.received(), StandardCharsets.ISO_8859_1)).doesNotContain(PEERS.vncPassword());
        }
        assertThat(awaitEnded(id).endReason()).isEqualTo(EndReason.CLOSED_BY_USER);
        assertThat(jdbc.sql("select credential_sealed from access_method where id = ?").param(setup.methodId())
                .query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where detail like ?")
                .param("%" + PEERS.vncPassword() + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aWrongTypedVncPasswordEndsWithAClearReasonInTheWindowAndTheHistory() {
        var setup = setUp(PEERS.vncPort(), askedPassword());
        try (var socket = open(setup)) {
            socket.sendText(Json.object("type", "sign-in", "password", "not-the-vnc-pw"));
            var ended = socket.awaitNotice("ended", WAIT);
            assertThat(ended.get("message").asString()).contains("VNC server")
                    .contains("refused the credentials you entered");
        }
        var record = records.recent(500).stream().filter(r -> r.username().equals(setup.username())).findFirst()
                .orElseThrow();
        assertThat(record.endReason()).isEqualTo(EndReason.ERROR);
        assertThat(record.endDetail()).contains("refused the credentials you entered");
    }
}
