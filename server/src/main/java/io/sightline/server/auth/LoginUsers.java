package io.sightline.server.auth;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Password logins read Sightline's own users (and stop Spring from inventing a default user). */
@Component
class LoginUsers implements UserDetailsService {
    private final UserRepository users;

    public LoginUsers(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        User u = users.findByLogin(login).filter(x -> x.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("Wrong login or password"));
        return org.springframework.security.core.userdetails.User.withUsername(u.login()).password(u.passwordHash())
                .disabled(u.locked()).authorities("ROLE_USER").build();
    }
}
