package io.sightline.server.status;

import io.sightline.server.auth.Principal;
import io.sightline.server.connectors.spi.Connector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TheHive's unauthenticated status routes, read by its UI's About view and by clients. Without a
 * login {@code /api/status} keeps TheHive's shape but says only which connectors and servers
 * there are and a status word for each; URLs, purposes, versions of remote servers and error
 * texts are for authenticated callers.
 */
@RestController
public class StatusController {
    public static final String VERSION = versionOf(StatusController.class);

    private final List<Connector> connectors;
    private final HealthEndpoint health;

    public StatusController(List<Connector> connectors, HealthEndpoint health) {
        this.connectors = connectors;
        this.health = health;
    }

    @GetMapping("/api/status")
    public Map<String, Object> status() {
        Map<String, Object> out = base();
        Map<String, Object> byName = new LinkedHashMap<>();
        boolean details = authenticated();
        for (Connector c : connectors) {
            // without a login only the tracker's snapshot is needed: no database read for anonymous callers
            byName.put(c.name(), details ? ConnectorStatusJson.full(c.currentHealth())
                    : ConnectorStatusJson.withoutDetails(c.health().snapshot()));
        }
        out.put("connectors", byName);
        return out;
    }

    @GetMapping("/api/v1/status")
    public Map<String, Object> statusV1() {
        Map<String, Object> out = base();
        out.put("connectors", Map.of());
        return out;
    }

    @GetMapping(value = "/api/health", produces = MediaType.TEXT_PLAIN_VALUE)
    public String health() {
        var descriptor = health.health();
        Status s = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
        if (Status.UP.equals(s)) return "Ok";
        if (Status.DOWN.equals(s) || Status.OUT_OF_SERVICE.equals(s)) return "Error";
        return "Warning";
    }

    private static boolean authenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Principal;
    }

    private static Map<String, Object> base() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("versions", Map.of("Sightline", VERSION, "TheHive", "5.7.3-1 compatible", "Java", System.getProperty("java.version")));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("protectDownloadsWith", "malware");
        config.put("authType", List.of("key", "basic", "session"));
        config.put("capabilities", List.of("changePassword", "setPassword", "authByKey"));
        config.put("ssoAutoLogin", false);
        config.put("pollingDuration", 1000);
        out.put("config", config);
        return out;
    }

    private static String versionOf(Class<?> c) {
        String v = c.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
