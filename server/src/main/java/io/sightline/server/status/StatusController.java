package io.sightline.server.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** TheHive's unauthenticated status routes, read by its UI's About view and by clients. */
@RestController
public class StatusController {
    public static final String VERSION = versionOf(StatusController.class);

    private final List<ConnectorStatusSource> connectors;
    private final HealthEndpoint health;

    public StatusController(List<ConnectorStatusSource> connectors, HealthEndpoint health) {
        this.connectors = connectors;
        this.health = health;
    }

    @GetMapping("/api/status")
    public Map<String, Object> status() {
        Map<String, Object> out = base();
        Map<String, Object> byName = new LinkedHashMap<>();
        for (ConnectorStatusSource c : connectors) byName.put(c.name(), c.status());
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

    private static Map<String, Object> base() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("versions", Map.of("Sightline", VERSION, "TheHive", "4.1.24-1 compatible", "Java", System.getProperty("java.version")));
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
