package io.airlock.server.access;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.web.ApiException;
import io.airlock.server.web.ApiException.Reason;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User management. Only System Admins manage users; everyone may change their own password. */
@Service
class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserService(UserRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** A request to create a user. */
    record NewUser(String username, String displayName, Role role, String password) {
    }

    /** A partial update; null fields stay as they are. */
    record UserChange(@Nullable String displayName, @Nullable Role role, @Nullable Boolean enabled) {
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    UserView create(AirlockPrincipal actor, NewUser request) {
        String usernameProblem = UsernameRules.problem(request.username());
        if (usernameProblem != null) {
            throw ApiException.invalidField("username", usernameProblem);
        }
        String displayName = displayNameOrUsername(request.displayName(), request.username());
        if (request.role() == null) {
            throw ApiException.invalidField("role", "Choose a role.");
        }
        String passwordProblem = PasswordPolicy.problem(request.password(), request.username());
        if (passwordProblem != null) {
            throw ApiException.invalidField("password", passwordProblem);
        }
        if (users.existsByUsername(request.username())) {
            throw new ApiException(Reason.CONFLICT, "Username already exists.");
        }
        // An admin-chosen password is temporary: the new user sets their own at first sign-in.
        UserAccount created = users.insert(request.username(), displayName, passwords.encode(request.password()),
                request.role(), true, clock.instant());
        audit.record(actor.getUsername(), "user.create", created.username() + " as " + created.role());
        return UserView.of(created);
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    UserView update(AirlockPrincipal actor, long id, UserChange change) {
        UserAccount current = users.findById(id).orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "No such user."));
        String displayName = change.displayName() == null ? current.displayName()
                : displayNameOrUsername(change.displayName(), current.username());
        Role role = change.role() == null ? current.role() : change.role();
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        if (id == actor.id() && (!enabled || role != Role.SYSTEM_ADMIN)) {
            throw new ApiException(Reason.INVALID, "You cannot disable or demote your own account.");
        }
        boolean losesAdmin = current.role() == Role.SYSTEM_ADMIN && current.enabled()
                && (role != Role.SYSTEM_ADMIN || !enabled);
        if (losesAdmin && users.countEnabledWithRole(Role.SYSTEM_ADMIN) <= 1) {
            throw new ApiException(Reason.INVALID, "Airlock needs at least one enabled System Admin.");
        }
        users.update(id, displayName, role, enabled);
        if (role != current.role()) {
            audit.record(actor.getUsername(), "user.role", current.username() + ": " + current.role() + " -> " + role);
            events.publishEvent(new AccessChanged(actor.getUsername()));
        }
        if (enabled != current.enabled()) {
            audit.record(actor.getUsername(), enabled ? "user.enable" : "user.disable", current.username());
            if (!enabled) {
                events.publishEvent(new AccountDisabled(id, current.username(), actor.getUsername()));
            }
        }
        return UserView.of(users.findById(id).orElseThrow());
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    void resetPassword(AirlockPrincipal actor, long id, String newPassword) {
        UserAccount current = users.findById(id).orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "No such user."));
        String problem = PasswordPolicy.problem(newPassword, current.username());
        if (problem != null) {
            throw ApiException.invalidField("newPassword", problem);
        }
        users.updatePassword(id, passwords.encode(newPassword), true);
        audit.record(actor.getUsername(), "user.password.reset", current.username());
    }

    @Transactional
    void changeOwnPassword(AirlockPrincipal actor, String currentPassword, String newPassword) {
        UserAccount me = users.findById(actor.id())
                .orElseThrow(() -> new ApiException(Reason.UNAUTHENTICATED, "Your account no longer exists."));
        if (currentPassword == null || !passwords.matches(currentPassword, me.passwordHash())) {
            throw ApiException.invalidField("currentPassword", "The current password is not correct.");
        }
        String problem = PasswordPolicy.problem(newPassword, me.username());
        if (problem != null) {
            throw ApiException.invalidField("newPassword", problem);
        }
        if (passwords.matches(newPassword, me.passwordHash())) {
            throw ApiException.invalidField("newPassword", "Choose a password different from the current one.");
        }
        users.updatePassword(me.id(), passwords.encode(newPassword), false);
        audit.record(me.username(), "user.password.change", me.username());
    }

    private static String displayNameOrUsername(String displayName, String username) {
        String trimmed = displayName == null ? "" : displayName.strip();
        if (trimmed.length() > 128) {
            throw ApiException.invalidField("displayName", "At most 128 characters.");
        }
        return trimmed.isEmpty() ? UsernameRules.normalize(username) : trimmed;
    }
}
