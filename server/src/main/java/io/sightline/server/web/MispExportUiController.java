package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.connectors.spi.ServerHealth;
import io.sightline.server.connectors.misp.MispConnector;
import io.sightline.server.connectors.misp.exporting.MispExportService;
import io.sightline.server.core.DomainException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case page's "Export to MISP" card: the servers whose purpose allows export, the case's
 * events on them, and the export itself, run as the session user. MISP's refusal is shown as text.
 */
@Controller
public class MispExportUiController {
    private final MispConnector misp;
    private final MispExportService exports;

    public MispExportUiController(MispConnector misp, MispExportService exports) {
        this.misp = misp;
        this.exports = exports;
    }

    @GetMapping("/cases/{number}/export")
    String card(@PathVariable long number, Model model) {
        return fill(CurrentPrincipal.get(), number, model);
    }

    @PostMapping("/cases/{number}/export")
    String export(@PathVariable long number, @RequestParam String server, Model model) {
        Principal p = CurrentPrincipal.get();
        try {
            exports.export(p, String.valueOf(number), server);
            model.addAttribute("exported", server);
        } catch (DomainException refused) {
            model.addAttribute("exportError", refused.getMessage());
        }
        return fill(p, number, model);
    }

    private String fill(Principal p, long number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("servers", exportServers());
        model.addAttribute("canExport", p.can(Permission.MANAGE_SHARE));
        model.addAttribute("exports", exports.exportsOf(p, String.valueOf(number)));
        return "cases/slots :: exportCard";
    }

    /** Names of the configured servers that are not import-only. */
    private List<String> exportServers() {
        return misp.health().snapshot().servers().stream()
                .filter(s -> !"ImportOnly".equals(String.valueOf(s.details().get("purpose"))))
                .map(ServerHealth::name).toList();
    }
}
