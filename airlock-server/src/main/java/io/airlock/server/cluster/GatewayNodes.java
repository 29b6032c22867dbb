package io.airlock.server.cluster;

import io.airlock.server.asset.CredentialVault;
import io.airlock.server.config.GatewayNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node's entry among the gateway nodes sharing the database: registered at start, a heartbeat every
 * {@value #HEARTBEAT_SECONDS} seconds, marked stopped when it stops. A node whose heartbeat is older than
 * {@link #DEAD_AFTER} is dead to the others. Times are the database's, so the nodes' clocks need not agree.
 *
 * <p>At start a node refuses to join nodes that could not open its secrets: several nodes need one shared
 * {@code AIRLOCK_MASTER_KEY}.
 */
@Component
public class GatewayNodes implements SmartLifecycle {

    static final int HEARTBEAT_SECONDS = 5;
    /** Four missed heartbeats: a long GC pause or a slow database does not end another node's sessions. */
    public static final Duration DEAD_AFTER = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(GatewayNodes.class);

    /** One node as the others see it. */
    public record Node(String id, String address, String keyId, boolean embeddedS3, Instant startedAt,
            Instant heartbeatAt, Instant stoppedAt, boolean alive) {
    }

    private final JdbcClient jdbc;
    private final String nodeId;
    private volatile String address;
    private final CredentialVault vault;
    private final boolean keyShared;
    private final boolean embeddedS3;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    GatewayNodes(JdbcClient jdbc, GatewayNode node, CredentialVault vault,
            @Value("${airlock.master-key:}") String masterKey,
            @Value("${airlock.embedded-s3.enabled:true}") boolean embeddedS3,
            @Value("${airlock.node-address:}") String address) {
        this.jdbc = jdbc;
        this.nodeId = node.id();
        this.vault = vault;
        this.keyShared = !masterKey.isBlank();
        this.embeddedS3 = embeddedS3;
        this.address = address.isBlank() ? null : address.strip();
    }

    /**
     * Without {@code AIRLOCK_NODE_ADDRESS} other nodes reach this one at this machine's address and the port
     * the web server took, known only once it listens.
     */
    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (address == null) {
            address = "http://" + localAddress() + ":" + event.getWebServer().getPort();
            jdbc.sql("update gateway_node set address = ? where node_id = ?").params(address, nodeId).update();
        }
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    /** {@return this node's id} */
    public String self() {
        return nodeId;
    }

    /** {@return every node that ever joined, this one first, then by id} */
    public List<Node> all() {
        Instant now = databaseNow();
        return jdbc.sql("select node_id, address, key_id, embedded_s3, started_at, heartbeat_at, stopped_at "
                        + "from gateway_node order by case when node_id = ? then 0 else 1 end, node_id")
                .param(nodeId)
                .query((rs, n) -> {
                    Instant heartbeatAt = rs.getTimestamp("heartbeat_at").toInstant();
                    Timestamp stopped = rs.getTimestamp("stopped_at");
                    return new Node(rs.getString("node_id"), rs.getString("address"), rs.getString("key_id"),
                            rs.getBoolean("embedded_s3"), rs.getTimestamp("started_at").toInstant(), heartbeatAt,
                            stopped == null ? null : stopped.toInstant(),
                            stopped == null && heartbeatAt.isAfter(now.minus(DEAD_AFTER)));
                })
                .list();
    }

    /** {@return ids of the other nodes that stopped or whose heartbeat is older than {@link #DEAD_AFTER}} */
    public List<String> goneOthers() {
        return all().stream().filter(n -> !n.alive() && !n.id().equals(nodeId)).map(Node::id).toList();
    }

    @Override
    public void start() {
        List<Node> others = all().stream().filter(n -> n.alive() && !n.id().equals(nodeId)).toList();
        refuseIncompatible(others);
        if (embeddedS3 && !others.isEmpty()) {
            log.warn("Another gateway node ({}) shares this database, and this node runs the embedded store: "
                    + "the embedded store is for a single node, and recordings kept in it are on this machine "
                    + "only. Several nodes need one S3 bucket under Administration → External Integrations.",
                    others.getFirst().id());
        }
        Instant now = databaseNow();
        int updated = jdbc.sql("update gateway_node set address = ?, key_id = ?, key_shared = ?, embedded_s3 = ?, "
                        + "started_at = ?, heartbeat_at = ?, stopped_at = null where node_id = ?")
                .params(address, vault.keyId(), keyShared, embeddedS3, Timestamp.from(now), Timestamp.from(now),
                        nodeId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into gateway_node (node_id, address, key_id, key_shared, embedded_s3, started_at, "
                            + "heartbeat_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(nodeId, address, vault.keyId(), keyShared, embeddedS3, Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gateway-heartbeat")
                .daemon().factory());
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        running = true;
        log.info("Gateway node {} joined; {} other node(s) running", nodeId, others.size());
    }

    private void refuseIncompatible(List<Node> others) {
        for (Node other : others) {
            if (!keyShared) {
                throw new IllegalStateException("Gateway node " + other.id() + " shares this database, and this "
                        + "node has a master key file of its own: several nodes need one shared "
                        + "AIRLOCK_MASTER_KEY (the same base64 value on every node).");
            }
            if (!other.keyId().equals(vault.keyId())) {
                throw new IllegalStateException("Gateway node " + other.id() + " shares this database with master "
                        + "key " + other.keyId() + ", this node has " + vault.keyId() + ": secrets sealed on one "
                        + "node could not be opened on the other. Give every node the same AIRLOCK_MASTER_KEY.");
            }
        }
    }

    private void beat() {
        try {
            jdbc.sql("update gateway_node set heartbeat_at = ?, stopped_at = null where node_id = ?")
                    .params(Timestamp.from(databaseNow()), nodeId).update();
        } catch (RuntimeException e) {
            // The database is away for a moment; the next beat tries again, and other nodes wait DEAD_AFTER.
            log.warn("Heartbeat of gateway node {} not written: {}", nodeId, e.getMessage());
        }
    }

    Instant databaseNow() {
        return jdbc.sql("select current_timestamp").query(Timestamp.class).single().toInstant();
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        jdbc.sql("update gateway_node set stopped_at = ? where node_id = ?")
                .params(Timestamp.from(databaseNow()), nodeId).update();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the sessions (which read it) and stops after them, while the database is still there. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
