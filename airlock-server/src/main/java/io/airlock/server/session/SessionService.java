package io.airlock.server.session;

import io.airlock.recording.asciicast.Ticker;
import io.airlock.server.access.AccessPolicy;
import io.airlock.server.access.AirlockPrincipal;
import io.airlock.server.asset.AccessMethod;
import io.airlock.server.asset.AssetRepository;
import io.airlock.server.asset.CredentialKind;
import io.airlock.server.asset.CredentialVault;
import io.airlock.server.asset.Protocol;
import io.airlock.server.audit.AuditLog;
import io.airlock.server.config.GatewayNode;
import io.airlock.server.connector.CharsetConnection;
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
import org.jspecify.annotations.Nullable;
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
    private final ClusterSessions cluster;
    private final MonitorRelay relay;
    private final Map<Protocol, Connector> connectors = new EnumMap<>(Protocol.class);

    SessionService(AccessPolicy policy, AssetRepository assets, CredentialVault vault, LaunchTickets tickets,
            LiveSessions live, SessionRecordRepository records, AuditLog audit, Clock clock, RecordingSpool spool,
            List<Connector> connectors, RecordingStore recordings, RecordingHandOff handOff, GatewayNode node,
            TransactionTemplate transactions, LiveVideos liveVideos, ClusterSessions cluster,
            MonitorRelay relay) {
        this.liveVideos = liveVideos;
        this.cluster = cluster;
        this.relay = relay;
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

    /**
     * What the session window needs to connect.
     *
     * @param askCredentials the window asks the user for a password (and a username when none is stored)
     * @param username the stored username, shown in the sign-in form; null when the user types it
     */
    record LaunchGrant(String ticket, String groupName, String assetName, String protocol, String host, int port,
            boolean recorded, boolean askCredentials, @Nullable String username) {
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
        connectors.get(method.protocol()).unavailable().ifPresent(why -> {
            throw new ApiException(Reason.UNAVAILABLE, why);
        });
        boolean ask = method.credentialKind() == CredentialKind.ASK_USER;
        String storedUsername = method.username() == null || method.username().isBlank() ? null : method.username();
        var launch = new Launch(user.id(), user.getUsername(), clientAddress, groupId, decision.groupName(),
                asset.id(), asset.name(), method.id(), method.protocol(), asset.host(), method.port(),
                decision.enforceRecording(), ask, storedUsername);
        String ticket = tickets.issue(user.id(), launch);
        return new LaunchGrant(ticket, decision.groupName(), asset.name(), method.protocol().name(), asset.host(),
                method.port(), decision.enforceRecording(), ask, storedUsername);
    }

    /** The grant a ticket carries, if the ticket is the user's, unused and fresh. */
    Optional<Launch> redeemLaunch(AirlockPrincipal user, String ticket) {
        return tickets.redeem(ticket, user.id(), Launch.class);
    }

    Optional<MonitorGrant> redeemMonitor(AirlockPrincipal user, String ticket) {
        return tickets.redeem(ticket, user.id(), MonitorGrant.class);
    }

    /**
     * Opens the session a redeemed ticket grants, on the given WebSocket. Nothing is thrown: whatever fails —
     * checked or not, at any step — ends in the history row, in the message the user sees, and with the
     * recorder and the equipment connection closed.
     *
     * @param typed what the user typed into the session window's sign-in form; null when nothing was asked
     */
    void open(AirlockPrincipal user, Launch launch, WebSocketSession socket, int columns, int rows,
            TypedCredentials typed) {
        var decision = policy.decide(user, launch.groupId(), launch.methodId());
        if (!decision.allowed()) {
            refuse(socket, decision.reason());
            return;
        }
        if (launch.askCredentials() && (typed == null || !typed.complete(launch))) {
            refuse(socket, "This access method asks for your credentials; enter them in the session window.");
            return;
        }
        Instant started = clock.instant();
        var integrationId = launch.enforceRecording() ? recordings.activeIntegrationId() : OptionalLong.empty();
        long recordId;
        Optional<String> integrationName;
        try {
            integrationName = integrationId.isPresent() ? recordings.integrationName(integrationId.getAsLong())
                    : Optional.empty();
            recordId = records.start(launch, launch.enforceRecording() ? RecordingStatus.RECORDING
                    : RecordingStatus.NONE, started, node.id(), integrationId.isPresent() ? integrationId.getAsLong()
                            : null);
        } catch (RuntimeException e) {
            log.error("Session to {} could not be recorded in the history: {}", launch.assetName(), e.toString());
            refuse(socket, "The session could not be opened: the gateway's database did not answer. Try again in a "
                    + "moment.");
            return;
        }
        audit.record(user.getUsername(), "session.open", "#" + recordId + " " + launch.assetName() + " "
                + launch.protocol() + " via " + launch.groupName());
        var opening = new Opening(recordId, launch);
        try {
            if (launch.enforceRecording()) {
                opening.recorder = startRecorder(recordId, launch, integrationName, columns, rows);
            }
            var target = withTyped(target(launch), typed);
            // Decoded once here, so the browser, the monitors and the recording all see the same text.
            opening.connection = CharsetConnection.wrap(connectors.get(launch.protocol()).open(target, columns, rows),
                    target.charset());
            if (opening.recorder instanceof DesktopRecorder desktop) {
                recordDesktop(opening.connection, desktop);
            }
            if (opening.recorder != null) {
                handOff.started(recordId, integrationName.orElseThrow());
            }
            start(opening, started, socket, columns, rows);
        } catch (ConnectorException e) {
            opening.fail(socket, typed != null && e.reason() == ConnectorException.Reason.AUTH_FAILED
                    ? e.getMessage().replace("the stored credentials", "the credentials you entered") : e.getMessage());
        } catch (RecordingUnavailable e) {
            opening.fail(socket, e.getMessage());
        } catch (CredentialVault.VaultException e) {
            opening.fail(socket, "The credentials stored for this access method cannot be opened ("
                    + e.getMessage() + "). Ask an administrator to store them again.");
        } catch (RuntimeException e) {
            log.error("Session #{} to {} failed to open", recordId, launch.assetName(), e);
            opening.fail(socket, "The session could not be opened because of an error in the gateway ("
                    + e.getClass().getSimpleName() + "). It was recorded in the session history.");
        }
    }

    /** What the user typed in the session window, used for this one connection and then dropped. */
    record TypedCredentials(String username, String password) {
        /** A password, and a username where the protocol signs in with one and the access method sets none. */
        boolean complete(Launch launch) {
            return password != null && !password.isEmpty() && (launch.protocol() == Protocol.VNC
                    || launch.storedUsername() != null || (username != null && !username.isBlank()));
        }

        @Override
        public String toString() {
            return "TypedCredentials[" + username + "]";
        }
    }

    private static ConnectionTarget withTyped(ConnectionTarget target, TypedCredentials typed) {
        if (typed == null) {
            return target;
        }
        String username = target.username() != null ? target.username() : typed.username().strip();
        return new ConnectionTarget(target.host(), target.port(), username, CredentialKind.PASSWORD, typed.password(),
                target.hostKeys(), target.charset(), target.telnetPrompts());
    }

    private Recorder startRecorder(long recordId, Launch launch, Optional<String> integrationName,
            int columns, int rows) throws RecordingUnavailable {
        if (integrationName.isEmpty()) {
            throw new RecordingUnavailable("This access group enforces recording, and no storage integration "
                    + "is active to keep recordings in. The session was not opened; a System Admin must "
                    + "activate one under Administration → External Integrations.");
        }
        requireSpoolSpace();
        try {
            if (desktop(launch.protocol())) {
                return DesktopRecorder.create(spool.fbsFile(recordId), Ticker.SYSTEM);
            }
            return SessionRecorder.start(spool.castFile(recordId), columns, rows,
                    launch.assetName() + " (" + launch.protocol() + ")", clock,
                    liveVideos.begin(recordId, columns, rows).orElse(null));
        } catch (IOException e) {
            throw new RecordingUnavailable("This access group enforces recording, and the recording could "
                    + "not start (" + e.getMessage() + "). The session was not opened.");
        }
    }

    /** Desktops are recorded as their RFB stream (FBS); terminals as what their screen got (asciicast). */
    private static boolean desktop(Protocol protocol) {
        return protocol == Protocol.VNC || protocol == Protocol.RDP;
    }

    /** The connection tees the equipment's stream into the recording from its first message on. */
    private static void recordDesktop(RemoteConnection connection, DesktopRecorder recorder)
            throws RecordingUnavailable {
        boolean recording;
        try {
            recording = connection.recordDesktop(recorder);
        } catch (IOException e) {
            throw new RecordingUnavailable("This access group enforces recording, and the recording could "
                    + "not start (" + e.getMessage() + "). The session was not opened.");
        }
        if (!recording) {
            throw new RecordingUnavailable("This access group enforces recording, and this connection cannot be "
                    + "recorded by this gateway. The session was not opened.");
        }
    }

    private void start(Opening opening, Instant started, WebSocketSession socket, int columns, int rows) {
        long recordId = opening.recordId;
        boolean recorded = opening.recorder != null;
        var session = new LiveSession(recordId, opening.launch, started, socket, opening.connection, opening.recorder,
                columns, rows, ending -> {
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
        session.sendQuietly("{\"type\":\"ready\",\"sessionId\":" + recordId + ",\"recorded\":" + recorded + "}");
        session.start();
        if (!socket.isOpen()) {
            // the window closed while the equipment was being reached
            session.end(EndReason.CLOSED_BY_USER, "The user closed the session window.", null);
        }
    }

    /** A session being opened: what exists so far, so a failure at any step undoes exactly that. */
    private final class Opening {
        private final long recordId;
        private final Launch launch;
        private Recorder recorder;
        private RemoteConnection connection;

        Opening(long recordId, Launch launch) {
            this.recordId = recordId;
            this.launch = launch;
        }

        /** Every step runs even when one before it fails: the row must end and the user must be told. */
        void fail(WebSocketSession socket, String message) {
            if (connection != null) {
                quietly("closing the equipment connection", connection::close);
            }
            if (recorder != null) {
                Recorder started = recorder;
                quietly("discarding the recording", started::discard);
                // Only a header was written: there is no session to keep as evidence.
                quietly("removing the recording", () -> java.nio.file.Files.deleteIfExists(started.file()));
            }
            quietly("ending the history row", () -> transactions.executeWithoutResult(tx -> {
                if (launch.enforceRecording()) {
                    handOff.discarded(recordId);
                }
                records.end(recordId, clock.instant(), EndReason.ERROR, message, null, 0, 0);
            }));
            log.info("Session #{} to {} failed: {}", recordId, launch.assetName(), message);
            refuse(socket, message);
        }

        private void quietly(String what, EndingStep step) {
            EndingStep.runQuietly(recordId, what + " after it could not open", step);
        }
    }

    /** A live session on any node: its history row, its node, and the session itself when it runs here. */
    record Live(SessionRecord row, String nodeId, LiveSession local) {
    }

    /** Every node's live sessions, oldest first; counts of other nodes' sessions are a few seconds old. */
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    List<Live> liveSessions() {
        Map<Long, String> nodes = records.openSessionNodes();
        return records.page("ended_at is null", List.of(), "started_at, id", 0, Math.max(1, nodes.size())).stream()
                .map(row -> new Live(row, nodes.getOrDefault(row.id(), node.id()), live.find(row.id()).orElse(null)))
                .toList();
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    void terminate(AirlockPrincipal admin, long recordId) {
        LiveSession session = live.find(recordId).orElse(null);
        if (session == null) {
            // Another node runs it: that node ends it within a second.
            if (!cluster.requestTerminate(recordId, admin.getUsername())) {
                throw new ApiException(Reason.NOT_FOUND, "This session is no longer live.");
            }
            audit.record(admin.getUsername(), "session.terminate", "#" + recordId + " on another gateway node");
            return;
        }
        audit.record(admin.getUsername(), "session.terminate", "#" + recordId + " of " + session.launch().username());
        // A user's stalled socket must not hold the administrator's request.
        session.endAside(EndReason.TERMINATED_BY_ADMIN, "The session was terminated by an administrator ("
                + admin.getUsername() + ").", admin.getUsername());
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    String monitorTicket(AirlockPrincipal admin, long recordId) {
        if (live.find(recordId).isEmpty() && cluster.runningNode(recordId).isEmpty()) {
            throw new ApiException(Reason.NOT_FOUND, "This session is no longer live.");
        }
        return tickets.issue(admin.id(), new MonitorGrant(recordId));
    }

    /** Attaches a monitor; the redeemed ticket proves the admin asked for it through the authorized endpoint. */
    void monitor(AirlockPrincipal admin, MonitorGrant grant, WebSocketSession socket) {
        var session = live.find(grant.recordId());
        if (session.isEmpty()) {
            var elsewhere = cluster.runningNode(grant.recordId());
            if (elsewhere.isEmpty()) {
                refuse(socket, "This session is no longer live.");
                return;
            }
            audit.record(admin.getUsername(), "session.monitor", "#" + grant.recordId() + " on gateway node "
                    + elsewhere.get().id());
            relay.relay(grant.recordId(), elsewhere.get().address(), socket);
            return;
        }
        audit.record(admin.getUsername(), "session.monitor", "#" + session.get().recordId() + " of "
                + session.get().launch().username());
        session.get().attach(new Monitor(socket));
    }

    /** What a monitor's browser sent: to the session's monitor here, or on to the node that runs it. */
    void monitorInput(WebSocketSession socket, byte[] bytes) {
        Monitor monitor = Monitor.on(socket);
        if (monitor != null) {
            monitor.input(bytes);
        } else {
            relay.input(socket, bytes);
        }
    }

    void monitorClosed(WebSocketSession socket) {
        relay.closed(socket);
    }

    /** Another node relays a monitor of a session here; its handshake proved it shares the master key. */
    void monitorForNode(long recordId, WebSocketSession socket) {
        var session = live.find(recordId);
        if (session.isEmpty()) {
            refuse(socket, "This session is no longer live.");
            return;
        }
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
}
