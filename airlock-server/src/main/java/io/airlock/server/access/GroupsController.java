package io.airlock.server.access;

import io.airlock.server.access.GroupViews.GroupView;
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

/** Access Management → Access Groups. Authorization lives in {@link AccessGroupService}. */
@RestController
class GroupsController {

    private final AccessGroupService service;

    GroupsController(AccessGroupService service) {
        this.service = service;
    }

    @GetMapping("/api/groups")
    List<GroupView> list() {
        return service.list();
    }

    @GetMapping("/api/groups/options")
    AccessGroupService.Options options() {
        return service.options();
    }

    @PostMapping("/api/groups")
    @ResponseStatus(HttpStatus.CREATED)
    GroupView create(Authentication me, @RequestBody AccessGroupService.GroupRequest request) {
        return service.create(me, request);
    }

    @PutMapping("/api/groups/{id}")
    GroupView update(Authentication me, @PathVariable long id, @RequestBody AccessGroupService.GroupRequest request) {
        return service.update(me, id, request);
    }

    @DeleteMapping("/api/groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Authentication me, @PathVariable long id) {
        service.delete(me, id);
    }
}
