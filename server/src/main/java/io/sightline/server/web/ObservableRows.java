package io.sightline.server.web;

import io.sightline.server.alerts.AlertRecord;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.observables.ObservablePage;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.observables.ObservableView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Builds the observables table of a case or an alert (one page of rows, every slot extension applied). */
@Component
public class ObservableRows {
    private final ObservableService observables;
    private final ObservableTypes types;
    private final List<ObservableRowExtension> extensions;

    public ObservableRows(ObservableService observables, ObservableTypes types, List<ObservableRowExtension> extensions) {
        this.observables = observables;
        this.types = types;
        this.extensions = extensions;
    }

    /** Adds the case's table and what the add form needs (unless a refused form is already there) to the model. */
    public void addTo(Model model, Principal p, CaseRecord c, ObservableFilters filters) {
        model.addAttribute("table", ofCase(p, c, filters));
        model.addAttribute("types", types.all());
        model.addAttribute("tlps", CaseUiController.TLPS);
        if (!model.containsAttribute("obsForm")) model.addAttribute("obsForm", ObservableForm.forCase(c));
        if (!model.containsAttribute("obsProblems")) model.addAttribute("obsProblems", FormErrors.none());
    }

    public ObservableTable ofCase(Principal p, CaseRecord c, ObservableFilters filters) {
        ObservablePage page = observables.page(p, c.id(), null, filters.query());
        String path = "/cases/" + c.number();
        return table(p, page, filters, path + "?tab=observables&", path + "/observables?", path + "/observables/bulk");
    }

    public ObservableTable ofAlert(Principal p, AlertRecord a, ObservableFilters filters) {
        ObservablePage page = observables.page(p, null, a.id(), filters.query());
        String path = "/alerts/" + a.id();
        return table(p, page, filters, path + "?", path + "/observables?", path + "/observables/bulk");
    }

    /** The rows of a page, each slot filled for all of them at once. */
    private List<ObservableRow> rows(Principal p, List<ObservableRecord> records) {
        Map<String, Map<Long, Object>> bySlot = new HashMap<>();
        for (ObservableRowExtension e : extensions) bySlot.put(e.slot(), e.data(p, records));
        Map<Long, List<ObservableRepository.Sighting>> seen = observables.seenIn(p, records);
        return records.stream().map(o -> {
            Map<String, Object> extras = new HashMap<>();
            bySlot.forEach((slot, data) -> {
                if (data.containsKey(o.id())) extras.put(slot, data.get(o.id()));
            });
            return new ObservableRow(ObservableView.of(o), seen.getOrDefault(o.id(), List.of()), ReportBadge.parse(o.reports()),
                    extras);
        }).toList();
    }

    public ObservableRow row(Principal p, ObservableRecord o) {
        Map<String, Object> extras = new HashMap<>();
        for (ObservableRowExtension e : extensions) {
            Object data = e.data(p, o);
            if (data != null) extras.put(e.slot(), data);
        }
        return new ObservableRow(ObservableView.of(o), observables.seenIn(p, o), ReportBadge.parse(o.reports()), extras);
    }

    private ObservableTable table(Principal p, ObservablePage page, ObservableFilters filters, String pageUrl, String listUrl,
                                  String bulkUrl) {
        List<ObservableRow> rows = rows(p, page.records());
        boolean analyzable = rows.stream().anyMatch(ObservableRow::analyzable);
        return new ObservableTable(page, rows, filters, pageUrl, listUrl, bulkUrl, analyzable);
    }
}
