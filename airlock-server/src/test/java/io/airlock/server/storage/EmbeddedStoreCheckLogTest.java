package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import io.airlock.server.support.GatewayTest;
import io.airlock.server.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStoreCheckLogTest extends GatewayTest {

    @Test
    void checkOfTheEmbeddedStoreWritesNoErrorToTheLog(CapturedOutput output) {
        var admin = signedInAdmin();
        long id = embeddedId(Json.parse(admin.get("/api/integrations").body()));
        int before = output.getAll().length();

        var reply = admin.post("/api/integrations/" + id + "/check", "{}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode check = Json.parse(reply.body()).get("lastCheck");
        assertThat(check.get("passed").asBoolean()).isTrue();
        for (JsonNode line : check.get("lines")) {
            // The embedded store does not implement tagging: it must say so on the line, not in the log.
            boolean tagging = line.get("permission").asString().endsWith("ObjectTagging");
            assertThat(line.get("status").asString()).as(line.toString()).isEqualTo(tagging ? "UNSUPPORTED" : "OK");
        }
        String logged = output.getAll().substring(before);
        assertThat(logged.lines().filter(l -> l.contains(" ERROR ") || l.contains("Unknown parameters")))
                .as(logged).isEmpty();
    }

    @Test
    void otherS3ProxyErrorsAreStillLogged() {
        var filter = new S3ProxyNoiseFilter();
        Logger handler = new LoggerContext().getLogger(S3ProxyNoiseFilter.HANDLER_LOGGER);
        Logger other = new LoggerContext().getLogger("org.gaul.s3proxy.S3Proxy");
        String format = S3ProxyNoiseFilter.UNKNOWN_PARAMETERS;

        assertThat(filter.decide(null, handler, Level.ERROR, format, new Object[] {"tagging", "/b/k"}, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, handler, Level.ERROR, format, new Object[] {"torrent", "/b/k"}, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, handler, Level.ERROR, "completeMultipartUpload failed", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, other, Level.ERROR, format, new Object[] {"tagging", "/b/k"}, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private static long embeddedId(JsonNode integrations) {
        for (JsonNode integration : integrations) {
            if (integration.get("kind").asString().equals("EMBEDDED")) {
                return integration.get("id").asLong();
            }
        }
        throw new AssertionError("no embedded integration in " + integrations);
    }
}
