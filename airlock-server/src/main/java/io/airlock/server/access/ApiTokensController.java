package io.airlock.server.access;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account → API tokens: everyone manages their own, signed in to the web UI (never with a token). */
@RestController
class ApiTokensController {

    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** What a new token is called and how many days it lasts. */
    record NewToken(String name, int days) {
    }

    @GetMapping("/api/me/tokens")
    List<ApiTokens.TokenView> list(@AuthenticationPrincipal AirlockPrincipal me) {
        return tokens.list(me);
    }

    @PostMapping("/api/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.CreatedToken create(@AuthenticationPrincipal AirlockPrincipal me, @RequestBody NewToken request) {
        return tokens.create(me, request.name(), request.days());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal AirlockPrincipal me, @PathVariable long id) {
        tokens.revoke(me, id);
    }
}
