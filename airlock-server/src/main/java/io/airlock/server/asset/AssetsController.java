package io.airlock.server.asset;

import io.airlock.server.asset.AssetViews.AssetView;
import io.airlock.server.asset.AssetViews.MethodView;
import io.airlock.server.asset.AssetViews.TerminalOptionsView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Access Management → Assets. Authorization lives in {@link AssetService}. */
@RestController
class AssetsController {

    private final AssetService service;

    AssetsController(AssetService service) {
        this.service = service;
    }

    record HostKeyAcceptance(String fingerprint) {
    }

    @GetMapping("/api/assets")
    List<AssetView> list() {
        return service.list();
    }

    @GetMapping("/api/assets/terminal-options")
    TerminalOptionsView terminalOptions() {
        return service.terminalOptions();
    }

    @PostMapping("/api/assets")
    @ResponseStatus(HttpStatus.CREATED)
    AssetView create(Authentication me, @RequestBody AssetService.AssetRequest request) {
        return service.create(me, request);
    }

    @PutMapping("/api/assets/{id}")
    AssetView update(Authentication me, @PathVariable long id, @RequestBody AssetService.AssetRequest request) {
        return service.update(me, id, request);
    }

    @DeleteMapping("/api/assets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Authentication me, @PathVariable long id) {
        service.delete(me, id);
    }

    @PostMapping("/api/assets/{id}/methods")
    @ResponseStatus(HttpStatus.CREATED)
    MethodView addMethod(Authentication me, @PathVariable long id, @RequestBody AssetService.MethodRequest request) {
        return service.addMethod(me, id, request);
    }

    @PutMapping("/api/methods/{id}")
    MethodView updateMethod(Authentication me, @PathVariable long id,
            @RequestBody AssetService.MethodRequest request) {
        return service.updateMethod(me, id, request);
    }

    @DeleteMapping("/api/methods/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMethod(Authentication me, @PathVariable long id) {
        service.deleteMethod(me, id);
    }

    @PostMapping("/api/methods/{id}/host-key/accept")
    MethodView acceptHostKey(Authentication me, @PathVariable long id, @RequestBody HostKeyAcceptance request) {
        return service.acceptHostKey(me, id, request.fingerprint());
    }
}
