package io.airlock.server.access;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks users up for password sign-in. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final UserRepository users;

    AccountDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(AirlockPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
