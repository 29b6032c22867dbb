package io.airlock.server.cluster;

import java.time.Instant;
import java.util.List;
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
        return nodes.all().stream().map(n -> new NodeView(n.id(), n.id().equals(nodes.self()), n.alive(), n.address(),
                n.keyId(), n.embeddedS3(), n.startedAt(), n.heartbeatAt(), n.stoppedAt(),
                jdbc.sql("select count(*) from session_record where node_id = ? and ended_at is null").param(n.id())
                        .query(Long.class).single())).toList();
    }
}
