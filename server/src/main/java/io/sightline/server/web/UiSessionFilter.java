package io.sightline.server.web;

import io.sightline.server.auth.Authenticator;
import io.sightline.server.auth.Membership;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.auth.User;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.core.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the session of a logged-in user into a {@link Principal} for each request, in the
 * organisation chosen in the session. The user is read again on every request so that a lock or
 * a profile change takes effect at once, not at the next login. The principal replaces the
 * session's authentication for this request only (it is never saved), so services and the REST
 * controllers see the same {@code CurrentPrincipal} as for an API call. A session also remembers
 * a digest of the password hash it logged in with: once the password is set anew (an admin's reset
 * above all), the session ends.
 */
public class UiSessionFilter extends OncePerRequestFilter {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Session attribute holding the name of the organisation the user works in. */
    public static final String ORGANISATION = "sightline.organisation";
    /** Request attribute with the user's memberships, for the organisation selector. */
    public static final String MEMBERSHIPS = "sightline.memberships";
    /** Session attribute: digest of the password hash the session logged in with. */
    static final String PASSWORD_STAMP = "sightline.passwordStamp";

    private final UserRepository users;
    private final Authenticator authenticator;

    public UiSessionFilter(UserRepository users, Authenticator authenticator) {
        this.users = users;
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof UserDetails details) {
            Optional<User> user = users.findByLogin(details.getUsername())
                    .filter(u -> !u.locked() && u.passwordHash() != null && samePassword(request, u));
            Principal principal = user.flatMap(u -> principal(request, u)).orElse(null);
            if (principal == null) {
                endSession(request, response);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, auth.getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private Optional<Principal> principal(HttpServletRequest request, User user) {
        List<Membership> memberships = users.memberships(user.id());
        HttpSession session = request.getSession();
        String stored = (String) session.getAttribute(ORGANISATION);
        String chosen = stored != null && memberships.stream().anyMatch(m -> m.orgName().equals(stored)) ? stored : null;
        try {
            Principal p = authenticator.principal(user, memberships, chosen, null, false);
            session.setAttribute(ORGANISATION, p.orgName());
            request.setAttribute(MEMBERSHIPS, memberships);
            return Optional.of(p);
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** Called at login, and when the session's own user sets a new password through it. */
    public static void rememberPassword(HttpSession session, User user) {
        session.setAttribute(PASSWORD_STAMP, stamp(user));
    }

    private static boolean samePassword(HttpServletRequest request, User user) {
        HttpSession session = request.getSession(false);
        return session != null && stamp(user).equals(session.getAttribute(PASSWORD_STAMP));
    }

    private static String stamp(User user) {
        return SecretHashing.sha256(user.passwordHash());
    }

    /** The account was locked, deleted, left without organisation or given a new password since login: back to the login page. */
    private static void endSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
        String target = request.getContextPath() + "/login?ended";
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }
}
