package io.sightline.server.web;

import io.sightline.server.auth.ClientAddress;
import io.sightline.server.auth.LoginThrottle;
import io.sightline.server.auth.TooManyFailedLogins;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form goes through the same {@link LoginThrottle} as the API: while throttled the
 * form answers with a redirect to {@code /login?throttled=<seconds>} without checking the
 * password; a failed login counts, a successful one clears the count of that login here.
 */
public final class LoginFormThrottle {
    private static final String ATTEMPT = LoginFormThrottle.class.getName() + ".attempt";

    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;

    public LoginFormThrottle(LoginThrottle throttle, ClientAddress clientAddress) {
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    /** Runs before Spring's form login filter (and after the CSRF check: a forged post is no attempt). */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod())
                        || !(request.getContextPath() + "/login").equals(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String login = request.getParameter("username");
                LoginThrottle.Attempt attempt;
                try {
                    attempt = throttle.begin(login == null ? "" : login.trim(), clientAddress.of(request));
                } catch (TooManyFailedLogins e) {
                    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                    response.sendRedirect(request.getContextPath() + "/login?throttled=" + e.retryAfterSeconds());
                    return;
                }
                try (attempt) {
                    request.setAttribute(ATTEMPT, attempt);
                    chain.doFilter(request, response);
                }
            }
        };
    }

    public AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            if (request.getAttribute(ATTEMPT) instanceof LoginThrottle.Attempt attempt) {
                attempt.failed(exception instanceof DisabledException ? "account locked" : "wrong login or password");
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    /** Clears the count of the login, then hands over to {@code next}. */
    public AuthenticationSuccessHandler successHandler(AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            if (request.getAttribute(ATTEMPT) instanceof LoginThrottle.Attempt attempt) attempt.succeeded();
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
