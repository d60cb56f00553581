package io.sightline.server.web;

import io.sightline.server.alerts.AlertService;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.connectors.spi.Connector;
import io.sightline.server.tasks.TaskService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page, shown after login: the caller's open cases and tasks, the new alerts by severity
 * and source, the organisation's recent activity and the connectors' health. Each widget is one
 * bounded read through its service, scoped to the caller's organisation, and links into the
 * filtered list it summarises.
 */
@Controller
public class HomeController {
    static final int WIDGET_ROWS = 6;
    static final int ACTIVITY_ROWS = 10;

    private final CaseService cases;
    private final TaskService tasks;
    private final AlertService alerts;
    private final AuditTrail auditTrail;
    private final List<Connector> connectors;

    public HomeController(CaseService cases, TaskService tasks, AlertService alerts, AuditTrail auditTrail, List<Connector> connectors) {
        this.cases = cases;
        this.tasks = tasks;
        this.alerts = alerts;
        this.auditTrail = auditTrail;
        this.connectors = connectors;
    }

    @GetMapping("/")
    String home(Model model) {
        Principal p = CurrentPrincipal.get();
        model.addAttribute("myCases", cases.openAssignedToMe(p, WIDGET_ROWS));
        model.addAttribute("myTasks", tasks.openAssignedToMe(p, WIDGET_ROWS));
        model.addAttribute("newAlerts", alerts.newAlerts(p));
        model.addAttribute("activity", p.can(Permission.READ_AUDIT) ? auditTrail.recent(p, ACTIVITY_ROWS) : null);
        model.addAttribute("connectors", connectors.stream().map(ConnectorStatusView::of).toList());
        return "home";
    }
}
