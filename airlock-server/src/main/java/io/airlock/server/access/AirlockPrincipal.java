package io.airlock.server.access;

import io.airlock.server.config.Sha256;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it. Other features read the id and role from here. */
public final class AirlockPrincipal implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final String credentialStamp;
    private String passwordHash;

    AirlockPrincipal(UserAccount account) {
        this.id = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.role = account.role();
        this.enabled = account.enabled();
        this.mustChangePassword = account.mustChangePassword();
        this.passwordHash = account.passwordHash();
        this.credentialStamp = stampOf(account);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /**
     * True when the account's password changed since this session signed in: someone else (an admin's
     * reset) changed it, so the session must end. The stamp is a digest, so the hash itself is not kept.
     */
    boolean passwordChangedSince(UserAccount current) {
        return !credentialStamp.equals(stampOf(current));
    }

    /** True when the stored account no longer matches what this session was granted. */
    boolean isStaleFor(UserAccount current) {
        return current.role() != role || current.mustChangePassword() != mustChangePassword
                || !current.displayName().equals(displayName);
    }

    private static String stampOf(UserAccount account) {
        return Sha256.hex(account.passwordHash()).substring(0, 16);
    }

    @Override
    public String toString() {
        return "AirlockPrincipal[id=" + id + ", username=" + username + ", role=" + role + "]";
    }
}
