package io.sightline.server.connectors.cortex;

import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.alerts.AlertService;
import io.sightline.server.alerts.AlertView;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.cases.CaseView;
import io.sightline.server.common.Ids;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.observables.ObservableView;
import io.sightline.server.tasklogs.LogRecord;
import io.sightline.server.tasklogs.TaskLogService;
import io.sightline.server.tasklogs.TaskLogView;
import io.sightline.server.tasks.TaskRecord;
import io.sightline.server.tasks.TaskService;
import io.sightline.server.tasks.TaskView;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finds the object a responder acts on through its own service, so the caller's rights and
 * organisation apply as everywhere else (another organisation's object is a 404), and gives
 * what Cortex is sent: the object in TheHive's JSON with the TLP and PAP that bound it (a task's
 * or a log's are its case's).
 */
@Component
class ActionObjects {
    /** The object found: its id, TheHive's JSON of it, and the TLP and PAP sent to Cortex. */
    record Found(ActionObjectType type, long id, Map<String, Object> json, int tlp, int pap) {}

    private final CaseService cases;
    private final TaskService tasks;
    private final AlertService alerts;
    private final ObservableService observables;
    private final ObservableRepository observableRows;
    private final TaskLogService logs;

    ActionObjects(CaseService cases, TaskService tasks, AlertService alerts, ObservableService observables,
                  ObservableRepository observableRows, TaskLogService logs) {
        this.cases = cases;
        this.tasks = tasks;
        this.alerts = alerts;
        this.observables = observables;
        this.observableRows = observableRows;
        this.logs = logs;
    }

    Found find(Principal p, ActionObjectType type, String id) {
        return switch (type) {
            case CASE -> {
                CaseRecord c = cases.get(p, id);
                yield new Found(type, c.id(), CaseView.of(c), c.tlp(), c.pap());
            }
            case TASK -> {
                TaskRecord t = tasks.get(p, id);
                CaseRecord c = cases.get(p, Ids.format(t.caseId()));
                yield new Found(type, t.id(), TaskView.of(t), c.tlp(), c.pap());
            }
            case ALERT -> {
                AlertRecord a = alerts.get(p, id);
                yield new Found(type, a.id(), AlertView.of(a, observableRows.countOfAlert(a.id())), a.tlp(), a.pap());
            }
            case OBSERVABLE -> {
                ObservableRecord o = observables.get(p, id);
                yield new Found(type, o.id(), ObservableView.of(o), o.tlp(), o.pap());
            }
            case LOG -> {
                LogRecord l = logs.get(p, id);
                TaskRecord t = tasks.get(p, Ids.format(l.taskId()));
                CaseRecord c = cases.get(p, Ids.format(t.caseId()));
                yield new Found(type, l.id(), TaskLogView.of(l), c.tlp(), c.pap());
            }
        };
    }
}
