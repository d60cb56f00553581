package io.sightline.server.web;

import io.sightline.server.auth.UserRepository;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After a form login: the session remembers the password it was opened with, then goes where it was headed. */
public class LoginSuccess implements AuthenticationSuccessHandler {
    private final UserRepository users;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

    public LoginSuccess(UserRepository users, String defaultTarget) {
        this.users = users;
        next.setDefaultTargetUrl(defaultTarget);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        users.findByLogin(auth.getName()).filter(u -> u.passwordHash() != null)
                .ifPresent(u -> UiSessionFilter.rememberPassword(request.getSession(), u));
        next.onAuthenticationSuccess(request, response, auth);
    }
}
