package io.sightline.server.auth;

import io.sightline.server.api.ErrorWriter;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Unauthenticated;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by {@code Authorization: Bearer <key>} or Basic, in the org of
 * {@code X-Organisation}. Every attempt goes through the {@link LoginThrottle}: a throttled
 * client gets a 429 with {@code Retry-After} whatever it sends.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final ErrorWriter errors;

    public ApiAuthenticationFilter(Authenticator authenticator, LoginThrottle throttle, ClientAddress clientAddress,
                                   ErrorWriter errors) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            try {
                Principal p = authenticate(header, clientAddress.of(request), request.getHeader("X-Organisation"));
                var auth = new UsernamePasswordAuthenticationToken(p, null, List.of(new SimpleGrantedAuthority("ROLE_API")));
                SecurityContextHolder.getContext().setAuthentication(auth);
            } catch (DomainException e) {
                errors.write(response, e);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Principal authenticate(String header, String ip, String organisation) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String secret = header.substring(7).trim();
            return throttled("key " + SecretHashing.prefixOf(secret), ip, () -> authenticator.byApiKey(secret, ip, organisation));
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Unauthenticated("Malformed Basic authorization header");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) throw new Unauthenticated("Malformed Basic authorization header");
            String login = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            return throttled(login, ip, () -> authenticator.byPassword(login, password, organisation));
        }
        throw new Unauthenticated("Unsupported authorization scheme; use Bearer <API key> or Basic");
    }

    /** Only rejected credentials count as failures: a revoked key or a locked user is not a guess. */
    private Principal throttled(String identity, String ip, Supplier<Principal> check) {
        try (LoginThrottle.Attempt attempt = throttle.begin(identity, ip)) {
            try {
                Principal p = check.get();
                attempt.succeeded();
                return p;
            } catch (CredentialsRejected e) {
                attempt.failed(e.reason());
                throw e;
            }
        }
    }
}
