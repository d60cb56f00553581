package io.sightline.server.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the very first start (no user yet) creates the admin organisation and the admin user, and
 * prints their password and API key once on the console — never to the log.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {
    public static final String ADMIN_ORG = "admin";
    public static final String ADMIN_LOGIN = "admin";

    private final UserRepository users;
    private final OrganisationRepository orgs;
    private final UserService userService;
    private final ApiKeyService keys;
    private final Clock clock;
    private final String password;
    private final String apiKey;

    public FirstStart(UserRepository users, OrganisationRepository orgs, UserService userService, ApiKeyService keys,
                      Clock clock, @Value("${sightline.admin.password:}") String password,
                      @Value("${sightline.admin.api-key:}") String apiKey) {
        this.users = users;
        this.orgs = orgs;
        this.userService = userService;
        this.keys = keys;
        this.clock = clock;
        this.password = password;
        this.apiKey = apiKey;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) return;
        long now = clock.millis();
        Organisation org = orgs.findByName(ADMIN_ORG).orElseGet(() -> orgs.create(ADMIN_ORG, "Administrators of this Sightline hub", now));
        String plainPassword = password.isBlank() ? SecretHashing.newPassword() : password;
        User admin = users.create(ADMIN_LOGIN, "Administrator", userService.hashPassword(ADMIN_LOGIN, plainPassword), now, null);
        users.setMembership(admin.id(), org.id(), Profile.ADMIN);
        var key = keys.create(null, admin, "created on first start", List.of(), null, false, apiKey.isBlank() ? null : apiKey);
        PrintStream out = System.out;
        out.println();
        out.println("==============================================================");
        out.println(" Sightline first start: the admin account was created.");
        out.println("   login:    " + ADMIN_LOGIN);
        out.println("   password: " + (password.isBlank() ? plainPassword : "(from SIGHTLINE_ADMIN_PASSWORD)"));
        out.println("   API key:  " + (apiKey.isBlank() ? key.secret() : "(from SIGHTLINE_ADMIN_API_KEY)"));
        out.println(" They are shown only now: store them safely.");
        out.println("==============================================================");
        out.println();
        out.flush();
    }
}
