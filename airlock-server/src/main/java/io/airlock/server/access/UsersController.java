package io.airlock.server.access;

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

/** Administration → Users. Authorization lives in {@link UserService}. */
@RestController
@RequestMapping("/api/users")
class UsersController {

    private final UserService service;

    UsersController(UserService service) {
        this.service = service;
    }

    record PasswordReset(String newPassword) {
    }

    @GetMapping
    List<UserView> list() {
        return service.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@AuthenticationPrincipal AirlockPrincipal me, @RequestBody UserService.NewUser request) {
        return service.create(me, request);
    }

    @PatchMapping("/{id}")
    UserView update(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id,
            @RequestBody UserService.UserChange change) {
        return service.update(me, id, change);
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id,
            @RequestBody PasswordReset request) {
        service.resetPassword(me, id, request.newPassword());
    }
}
