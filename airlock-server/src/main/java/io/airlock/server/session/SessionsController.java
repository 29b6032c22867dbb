package io.airlock.server.session;

import io.airlock.server.access.AirlockPrincipal;
import io.airlock.server.recording.RecordingStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Launch, live sessions, terminate and monitor. Authorization lives in {@link SessionService}. */
@RestController
class SessionsController {

    private final SessionService sessions;

    SessionsController(SessionService sessions) {
        this.sessions = sessions;
    }

    record LaunchRequest(long groupId, long methodId) {
    }

    record LiveView(long id, String username, String clientAddress, String groupName, String assetName,
            String protocol, String host, int port, Instant startedAt, boolean recorded, long bytesToEquipment,
            long bytesFromEquipment, int monitors, String node) {
        static LiveView of(SessionService.Live live) {
            var r = live.row();
            var s = live.local();
            return new LiveView(r.id(), r.username(), r.clientAddress(), r.groupName(), r.assetName(), r.protocol(),
                    r.host(), r.port(), r.startedAt(),
                    s != null ? s.recorded() : r.recordingStatus() == RecordingStatus.RECORDING,
                    s != null ? s.bytesToEquipment() : r.bytesToEquipment(),
                    s != null ? s.bytesFromEquipment() : r.bytesFromEquipment(), s != null ? s.monitorCount() : 0,
                    live.nodeId());
        }
    }

    @PostMapping("/api/sessions/launch")
    SessionService.LaunchGrant launch(@AuthenticationPrincipal AirlockPrincipal me, @RequestBody LaunchRequest request,
            HttpServletRequest http) {
        return sessions.launch(me, request.groupId(), request.methodId(), http.getRemoteAddr());
    }

    @GetMapping("/api/sessions/live")
    List<LiveView> live() {
        return sessions.liveSessions().stream().map(LiveView::of).toList();
    }

    @PostMapping("/api/sessions/{id}/terminate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void terminate(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id) {
        sessions.terminate(me, id);
    }

    @PostMapping("/api/sessions/{id}/monitor")
    Map<String, String> monitor(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id) {
        return Map.of("ticket", sessions.monitorTicket(me, id));
    }
}
