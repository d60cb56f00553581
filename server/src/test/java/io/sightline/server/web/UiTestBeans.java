package io.sightline.server.web;

import io.sightline.server.status.ConnectorStatusSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Beans the UI tests add to the hub: a connector reporting one healthy and one failing server
 * (with a hostile reason, as a remote system could send), and a route proving that an API
 * endpoint called in-process from the UI runs as the session's user.
 */
@TestConfiguration
public class UiTestBeans {
    static final String CONNECTOR = "probe";
    static final String HOSTILE_REASON = "<script>alert(3)</script> connection refused";

    @Bean
    ConnectorStatusSource probeConnector() {
        return new ConnectorStatusSource() {
            @Override
            public String name() {
                return CONNECTOR;
            }

            @Override
            public Map<String, Object> status() {
                Map<String, Object> failing = new LinkedHashMap<>();
                failing.put("name", "MISP B");
                failing.put("version", "");
                failing.put("status", "ERROR");
                failing.put("reason", HOSTILE_REASON);
                return Map.of("enabled", true, "status", "WARNING", "servers",
                        List.of(Map.of("name", "MISP A", "version", "2.4.190", "status", "OK"), failing));
            }
        };
    }

    /**
     * Registered as a member of this configuration where it is imported; a test component, so
     * component scanning leaves it out of every other test's context.
     */
    @RestController
    @TestComponent
    static class Probe {
        @PostMapping("/test-support/include-query")
        String includeQuery(HttpServletRequest request, HttpServletResponse response) throws Exception {
            ConnectorTestResult r = ConnectorTestResult.call(request, response, "/api/v1/query");
            return r.outcome() + " " + r.message();
        }
    }
}
