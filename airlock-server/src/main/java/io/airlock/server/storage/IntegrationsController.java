package io.airlock.server.storage;

import io.airlock.server.access.AirlockPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administration → External Integrations. Authorization lives in {@link IntegrationService}. */
@RestController
@RequestMapping("/api/integrations")
class IntegrationsController {

    private final IntegrationService service;

    IntegrationsController(IntegrationService service) {
        this.service = service;
    }

    @GetMapping
    List<IntegrationView> list() {
        return service.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IntegrationView create(@AuthenticationPrincipal AirlockPrincipal me,
            @RequestBody IntegrationService.IntegrationForm form) {
        return service.create(me.getUsername(), form);
    }

    @PatchMapping("/{id}")
    IntegrationView update(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id,
            @RequestBody IntegrationService.IntegrationForm form) {
        return service.update(me.getUsername(), id, form);
    }

    @PostMapping("/{id}/check")
    IntegrationView check(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id) {
        return service.check(me.getUsername(), id);
    }

    @PostMapping("/{id}/activate")
    IntegrationView activate(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id) {
        return service.activate(me.getUsername(), id);
    }

    @PostMapping("/{id}/deactivate")
    IntegrationView deactivate(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id) {
        return service.deactivate(me.getUsername(), id);
    }
}
