package io.airlock.server.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/nodes} (System Admins, as every Actuator endpoint but health): the gateway nodes sharing
 * the database, whether each is alive, when it last sent a heartbeat and how many sessions it runs.
 */
@Component
@Endpoint(id = "nodes")
class NodesEndpoint {

    record NodeView(String id, boolean self, boolean alive, String address, String masterKeyId,
            boolean embeddedStore, Instant startedAt, Instant heartbeatAt,
            Instant stoppedAt, long liveSessions) {
    }

    private final GatewayNodes nodes;
    private final JdbcClient jdbc;

    NodesEndpoint(GatewayNodes nodes, JdbcClient jdbc) {
        this.nodes = nodes;
        this.jdbc = jdbc;
    }

    @ReadOperation
    List<NodeView> nodes() {
        Map<String, Long> live = new HashMap<>();
        jdbc.sql("select node_id, count(*) from session_record where ended_at is null group by node_id")
                .query(row -> {
                    live.put(row.getString(1), row.getLong(2));
                });
        return nodes.all().stream().map(n -> new NodeView(n.id(), n.id().equals(nodes.self()), n.alive(), n.address(),
                n.keyId(), n.embeddedS3(), n.startedAt(), n.heartbeatAt(), n.stoppedAt(),
                live.getOrDefault(n.id(), 0L))).toList();
    }
}
