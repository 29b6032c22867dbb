package io.airlock.server.session;

import io.airlock.server.access.AccessPolicy;
import io.airlock.server.access.AirlockPrincipal;
import io.airlock.server.asset.AccessMethod;
import io.airlock.server.asset.AssetRepository;
import io.airlock.server.asset.CredentialKind;
import io.airlock.server.asset.CredentialVault;
import io.airlock.server.asset.Protocol;
import io.airlock.server.audit.AuditLog;
import io.airlock.server.config.GatewayNode;
import io.airlock.server.connector.ConnectionTarget;
import io.airlock.server.connector.Connector;
import io.airlock.server.connector.ConnectorException;
import io.airlock.server.connector.RemoteConnection;
import io.airlock.server.recording.LiveVideos;
import io.airlock.server.recording.RecordingHandOff;
import io.airlock.server.recording.RecordingSpool;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.web.ApiException;
import io.airlock.server.web.ApiException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.WebSocketSession;

/**
 * Launching, opening, watching and ending sessions. Every step asks {@link AccessPolicy} again, so a
 * ticket issued a moment before a group closed cannot open a session after it.
 */
@Service
class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final AccessPolicy policy;
    private final AssetRepository assets;
    private final CredentialVault vault;
    private final LaunchTickets tickets;
    private final LiveSessions live;
    private final SessionRecordRepository records;
    private final AuditLog audit;
    private final Clock clock;
    private final RecordingSpool spool;
    private final RecordingStore recordings;
    private final RecordingHandOff handOff;
    private final GatewayNode node;
    private final TransactionTemplate transactions;
    private final LiveVideos liveVideos;
    private final Map<Protocol, Connector> connectors = new EnumMap<>(Protocol.class);

    SessionService(AccessPolicy policy, AssetRepository assets, CredentialVault vault, LaunchTickets tickets,
            LiveSessions live, SessionRecordRepository records, AuditLog audit, Clock clock, RecordingSpool spool,
            List<Connector> connectors, RecordingStore recordings, RecordingHandOff handOff, GatewayNode node,
            TransactionTemplate transactions, LiveVideos liveVideos) {
        this.liveVideos = liveVideos;
        this.recordings = recordings;
        this.handOff = handOff;
        this.node = node;
        this.transactions = transactions;
        this.policy = policy;
        this.assets = assets;
        this.vault = vault;
        this.tickets = tickets;
        this.live = live;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
        this.spool = spool;
        connectors.forEach(c -> this.connectors.put(c.protocol(), c));
    }

    /** What the session window needs to connect. */
    record LaunchGrant(String ticket, String groupName, String assetName, String protocol, String host, int port,
            boolean recorded) {
    }

    /** Lets one admin watch one live session. */
    record MonitorGrant(long recordId) {
    }

    LaunchGrant launch(AirlockPrincipal user, long groupId, long methodId, String clientAddress) {
        var decision = policy.decide(user, groupId, methodId);
        if (!decision.allowed()) {
            throw new ApiException(Reason.FORBIDDEN, decision.reason());
        }
        AccessMethod method = assets.findMethod(methodId).orElseThrow();
        var asset = assets.findAsset(method.assetId()).orElseThrow();
        if (decision.enforceRecording() && recordings.activeIntegration().isEmpty()) {
            throw new ApiException(Reason.UNAVAILABLE, "This access group enforces recording, and no storage "
                    + "integration is active to keep recordings in. A System Admin must activate one under "
                    + "Administration → External Integrations.");
        }
        if (!connectors.containsKey(method.protocol())) {
            throw new ApiException(Reason.INVALID, method.protocol() + " sessions are not available on this gateway yet.");
        }
        var launch = new Launch(user.id(), user.getUsername(), clientAddress, groupId, decision.groupName(),
                asset.id(), asset.name(), method.id(), method.protocol(), asset.host(), method.port(),
                decision.enforceRecording());
        String ticket = tickets.issue(user.id(), launch);
        return new LaunchGrant(ticket, decision.groupName(), asset.name(), method.protocol().name(), asset.host(),
                method.port(), decision.enforceRecording());
    }

    /**
     * Opens the session a ticket grants, on the given WebSocket. Failures end up in the history and in the
     * returned message; nothing is thrown.
     */
    void open(AirlockPrincipal user, String ticket, WebSocketSession socket, int columns, int rows) {
        var redeemed = tickets.redeem(ticket, user.id(), Launch.class);
        if (redeemed.isEmpty()) {
            refuse(socket, "This session link has expired or was already used. Open the session again from "
                    + "Remote Sessions.");
            return;
        }
        Launch launch = redeemed.get();
        var decision = policy.decide(user, launch.groupId(), launch.methodId());
        if (!decision.allowed()) {
            refuse(socket, decision.reason());
            return;
        }
        Instant started = clock.instant();
        var integrationId = launch.enforceRecording() ? recordings.activeIntegrationId() : OptionalLong.empty();
        Optional<String> integrationName = integrationId.isPresent()
                ? recordings.integrationName(integrationId.getAsLong()) : Optional.empty();
        long recordId = records.start(launch, launch.enforceRecording() ? RecordingStatus.RECORDING : RecordingStatus.NONE,
                started, node.id(), integrationId.isPresent() ? integrationId.getAsLong() : null);
        audit.record(user.getUsername(), "session.open", "#" + recordId + " " + launch.assetName() + " "
                + launch.protocol() + " via " + launch.groupName());
        SessionRecorder recorder = null;
        RemoteConnection connection = null;
        try {
            if (launch.enforceRecording()) {
                if (integrationName.isEmpty()) {
                    throw new RecordingUnavailable("This access group enforces recording, and no storage integration "
                            + "is active to keep recordings in. The session was not opened; a System Admin must "
                            + "activate one under Administration → External Integrations.");
                }
                requireSpoolSpace();
                try {
                    recorder = SessionRecorder.start(spool.castFile(recordId), columns, rows,
                            launch.assetName() + " (" + launch.protocol() + ")", clock,
                            liveVideos.begin(recordId, columns, rows).orElse(null));
                } catch (IOException e) {
                    throw new RecordingUnavailable("This access group enforces recording, and the recording could "
                            + "not start (" + e.getMessage() + "). The session was not opened.");
                }
            }
            connection = connectors.get(launch.protocol()).open(target(launch), columns, rows);
        } catch (ConnectorException | RecordingUnavailable e) {
            discardQuietly(recorder);
            if (recorder != null) {
                // Only a header was written: there is no session to keep as evidence.
                deleteQuietly(recorder.file());
            }
            transactions.executeWithoutResult(tx -> {
                if (launch.enforceRecording()) {
                    handOff.discarded(recordId);
                }
                records.end(recordId, clock.instant(), EndReason.ERROR, e.getMessage(), null, 0, 0);
            });
            log.info("Session #{} to {} failed: {}", recordId, launch.assetName(), e.getMessage());
            refuse(socket, e.getMessage());
            return;
        }
        if (recorder != null) {
            handOff.started(recordId, integrationName.get());
        }
        boolean recorded = recorder != null;
        var session = new LiveSession(recordId, launch, started, socket, connection, recorder, columns, rows, ending -> {
            live.remove(recordId);
            // The row ends exactly when the recording's job exists: one transaction for both.
            transactions.executeWithoutResult(tx -> {
                records.end(recordId, clock.instant(), ending.reason(), ending.detail(), ending.endedBy(),
                        ending.toEquipment(), ending.fromEquipment());
                if (recorded) {
                    handOff.ended(recordId, "The session ended ("
                            + ending.reason().label().toLowerCase(Locale.ROOT) + ").");
                }
            });
        });
        live.add(session);
        socket.getAttributes().put(LiveSession.class.getName(), session);
        session.sendQuietly("{\"type\":\"ready\",\"sessionId\":" + recordId + ",\"recorded\":" + session.recorded()
                + "}");
        session.start();
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    List<LiveSession> liveSessions() {
        return live.all().stream().sorted((a, b) -> a.startedAt().compareTo(b.startedAt())).toList();
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    void terminate(AirlockPrincipal admin, long recordId) {
        LiveSession session = live.find(recordId)
                .orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "This session is no longer live."));
        audit.record(admin.getUsername(), "session.terminate", "#" + recordId + " of " + session.launch().username());
        session.end(EndReason.TERMINATED_BY_ADMIN, "The session was terminated by an administrator ("
                + admin.getUsername() + ").", admin.getUsername());
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    String monitorTicket(AirlockPrincipal admin, long recordId) {
        live.find(recordId).orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "This session is no longer live."));
        return tickets.issue(admin.id(), new MonitorGrant(recordId));
    }

    /** Attaches a monitor; the ticket proves the admin asked for it through the authorized endpoint. */
    void monitor(AirlockPrincipal admin, String ticket, WebSocketSession socket) {
        var grant = tickets.redeem(ticket, admin.id(), MonitorGrant.class);
        var session = grant.flatMap(g -> live.find(g.recordId()));
        if (session.isEmpty()) {
            refuse(socket, "This session is no longer live, or the monitor link expired.");
            return;
        }
        audit.record(admin.getUsername(), "session.monitor", "#" + session.get().recordId() + " of "
                + session.get().launch().username());
        session.get().attach(new Monitor(socket));
    }

    /** Recording is enforced and cannot happen: the session must not start. */
    static final class RecordingUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        RecordingUnavailable(String message) {
            super(message);
        }
    }

    private void requireSpoolSpace() throws RecordingUnavailable {
        long free = spool.freeBytes();
        if (free < RecordingSpool.MIN_FREE_BYTES) {
            throw new RecordingUnavailable("This access group enforces "
                    + "recording, and the gateway's recording spool has only " + free / (1024 * 1024)
                    + " MB free. The session was not opened; ask an administrator to free disk space.");
        }
    }

    private ConnectionTarget target(Launch launch) {
        AccessMethod method = assets.findMethod(launch.methodId()).orElseThrow();
        // NONE and ASK_USER keep nothing sealed.
        String secret = method.credentialSealed() == null ? null
                : vault.open(method.credentialSealed(), method.credentialContext());
        return new ConnectionTarget(launch.host(), launch.port(), method.username(), method.credentialKind(), secret,
                ConnectionTarget.HostKeyPolicy.pinnedTo(method.hostKeyFingerprint(),
                        fingerprint -> pinOrCompare(method.id(), fingerprint)),
                method.charset(), method.telnetPrompts());
    }

    /** Trust on first use, then pinned; a different key is kept for an admin's review and refused. */
    private boolean pinOrCompare(long methodId, String fingerprint) {
        return assets.pinOnFirstUse(methodId, fingerprint);
    }

    private static void refuse(WebSocketSession socket, String message) {
        try {
            socket.sendMessage(new org.springframework.web.socket.TextMessage(
                    "{\"type\":\"ended\",\"reason\":\"ERROR\",\"message\":" + LiveSession.jsonString(message) + "}"));
            socket.close(org.springframework.web.socket.CloseStatus.POLICY_VIOLATION);
        } catch (IOException e) {
            // the browser is gone already
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the empty recording {}: {}", file, e.getMessage());
        }
    }

    private static void discardQuietly(SessionRecorder recorder) {
        if (recorder != null) {
            try {
                recorder.discard();
            } catch (IOException e) {
                // nothing more to lose: the session never started
            }
        }
    }
}
