package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.status.ConnectorStatusSource;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The About page: hub version and the status of every connector and server, with a connection test. */
@Controller
public class AboutController {
    private static final Pattern CONNECTOR_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final List<ConnectorStatusSource> connectors;

    public AboutController(List<ConnectorStatusSource> connectors) {
        this.connectors = connectors;
    }

    @GetMapping("/about")
    String about(Model model) {
        CurrentPrincipal.get();
        model.addAttribute("connectors", connectors.stream().map(ConnectorStatusView::of).toList());
        model.addAttribute("javaVersion", System.getProperty("java.version"));
        return "about";
    }

    /**
     * Runs the hub's own {@code POST /api/v1/connector/{name}/test} in-process for the session user
     * and shows its answer; when the hub has no such endpoint the button says so instead of failing.
     */
    @PostMapping("/about/connectors/{name}/test")
    String test(@PathVariable String name, HttpServletRequest request, HttpServletResponse response, Model model)
            throws ServletException, IOException {
        CurrentPrincipal.require(Permission.READ);
        ConnectorTestResult result = CONNECTOR_NAME.matcher(name).matches()
                ? ConnectorTestResult.call(request, response, "/api/v1/connector/" + name + "/test")
                : ConnectorTestResult.refused("Unknown connector name");
        model.addAttribute("result", result);
        return "about :: testResult";
    }
}
