package io.sightline.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A UI route used only by tests to prove that an API endpoint called in-process from the UI (as
 * the About page's connection test does) runs as the session's user.
 */
@TestConfiguration
public class IncludeProbe {

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
