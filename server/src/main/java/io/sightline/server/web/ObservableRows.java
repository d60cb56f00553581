package io.sightline.server.web;

import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.observables.ObservableView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Builds the observable rows of a case or an alert, with every slot extension applied. */
@Component
public class ObservableRows {
    private final ObservableRepository repository;
    private final ObservableService observables;
    private final ObservableTypes types;
    private final List<ObservableRowExtension> extensions;

    public ObservableRows(ObservableRepository repository, ObservableService observables, ObservableTypes types,
                          List<ObservableRowExtension> extensions) {
        this.repository = repository;
        this.observables = observables;
        this.types = types;
        this.extensions = extensions;
    }

    /** Adds the case's rows and what the add form needs to the model. */
    public void addTo(Model model, Principal p, CaseRecord c) {
        model.addAttribute("rows", rows(p, repository.ofCase(c.id())));
        model.addAttribute("types", types.all());
        model.addAttribute("tlps", CaseUiController.TLPS);
    }

    public List<ObservableRow> ofAlert(Principal p, AlertRecord a) {
        return rows(p, repository.ofAlert(a.id()));
    }

    public ObservableRow row(Principal p, ObservableRecord o) {
        Map<String, Object> extras = new HashMap<>();
        for (ObservableRowExtension e : extensions) {
            Object data = e.data(p, o);
            if (data != null) extras.put(e.slot(), data);
        }
        return new ObservableRow(ObservableView.of(o), observables.seenIn(o), ReportBadge.parse(o.reports()), extras);
    }

    private List<ObservableRow> rows(Principal p, List<ObservableRecord> list) {
        return list.stream().map(o -> row(p, o)).toList();
    }
}
