package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.connectors.runtime.ConnectionTester;
import io.sightline.server.connectors.spi.Connector;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The About page: hub version and the health of every connector and server, with a connection test. */
@Controller
public class AboutController {
    private static final Pattern CONNECTOR_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final List<Connector> connectors;
    private final ConnectionTester tester;

    public AboutController(List<Connector> connectors, ConnectionTester tester) {
        this.connectors = connectors;
        this.tester = tester;
    }

    @GetMapping("/about")
    String about(Model model) {
        CurrentPrincipal.get();
        model.addAttribute("connectors", connectors.stream().map(ConnectorStatusView::of).toList());
        model.addAttribute("javaVersion", System.getProperty("java.version"));
        return "about";
    }

    /** Checks the connector's servers now for the session user (permission {@code manageConfig}) and shows what it found. */
    @PostMapping("/about/connectors/{name}/test")
    String test(@PathVariable String name, Model model) {
        Principal who = CurrentPrincipal.require(Permission.READ);
        ConnectorTestResult result = CONNECTOR_NAME.matcher(name).matches()
                ? ConnectorTestResult.of(tester.test(who, name))
                : ConnectorTestResult.refused("Unknown connector name");
        model.addAttribute("result", result);
        return "about :: testResult";
    }
}
