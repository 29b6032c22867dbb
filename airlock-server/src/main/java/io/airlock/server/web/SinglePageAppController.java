package io.airlock.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single-page app for its client-side routes, so a bookmarked or reloaded page such as
 * {@code /admin/users} opens the app instead of a 404. Paths with a dot are files and stay with the
 * static resource handler.
 */
@Controller
class SinglePageAppController {

    @GetMapping({"/", "/{first:^(?!api$|actuator$|ws$)[^.]*}", "/{first:^(?!api$|actuator$|ws$)[^.]*}/**"})
    String index() {
        return "forward:/index.html";
    }
}
