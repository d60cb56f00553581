package io.sightline.server.config;

import io.sightline.server.api.ErrorWriter;
import io.sightline.server.auth.ApiAuthenticationFilter;
import io.sightline.server.auth.Authenticator;
import io.sightline.server.auth.ClientAddress;
import io.sightline.server.auth.LoginThrottle;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Unauthenticated;
import io.sightline.server.web.LoginFormThrottle;
import io.sightline.server.web.LoginSuccess;
import io.sightline.server.web.UiSessionFilter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The REST API is stateless: every call carries a Bearer API key or Basic credentials, so no
 * cookie is involved and CSRF protection does not apply to it. The web UI is the opposite: a
 * password login opens a session held in a cookie, so every state-changing request of the UI
 * must carry the CSRF token.
 */
@Configuration
@EnableScheduling
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * No observation per security filter: every API call is already timed as a whole
     * (http.server.requests), and wrapping each of the chain's filters in its own observation
     * took about a tenth of the CPU of a small API call.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, Authenticator authenticator, LoginThrottle throttle,
                                 ClientAddress clientAddress, ErrorWriter errors) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiAuthenticationFilter(authenticator, throttle, clientAddress, errors), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(r -> r
                        // The request was authorised when it came in; its async dispatch only writes a
                        // streamed answer (long query results) and its error dispatch only the error.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/status", "/api/v1/status", "/api/health", "/actuator/health", "/actuator/health/**",
                                "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> errors.write(res,
                                new Unauthenticated("Authentication required: send Authorization: Bearer <API key> or Basic credentials")))
                        .accessDeniedHandler((req, res, ex) -> errors.write(res, new Forbidden("Access denied"))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, UserRepository users, Authenticator authenticator, LoginThrottle throttle,
                                ClientAddress clientAddress) throws Exception {
        LoginFormThrottle loginThrottle = new LoginFormThrottle(throttle, clientAddress);
        http.csrf(Customizer.withDefaults())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.loginPage("/login").successHandler(loginThrottle.successHandler(new LoginSuccess(users, "/")))
                        .failureHandler(loginThrottle.failureHandler()).permitAll())
                .addFilterBefore(loginThrottle.filter(), UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SIGHTLINE_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(UiSessionFilter.CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(r -> r
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .addFilterAfter(new UiSessionFilter(users, authenticator), AuthorizationFilter.class);
        return http.build();
    }
}
