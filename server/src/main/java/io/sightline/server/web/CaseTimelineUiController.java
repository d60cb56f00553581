package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.DomainException;
import io.sightline.server.procedures.NewProcedure;
import io.sightline.server.procedures.ProcedureService;
import io.sightline.server.procedures.ProcedureView;
import io.sightline.server.timeline.CustomEventService;
import io.sightline.server.timeline.NewCustomEvent;
import io.sightline.server.timeline.TimelineService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case page's "Tactics and techniques" and "Timeline" cards: the case's procedures and its most
 * recent events, with forms to add a procedure or a custom event. Everything is rendered as text.
 */
@Controller
public class CaseTimelineUiController {
    /** The card shows the most recent events only; the API gives up to a page of 2000. */
    static final int EVENTS_SHOWN = 50;

    private final ProcedureService procedures;
    private final TimelineService timelines;
    private final CustomEventService customEvents;
    private final Clock clock;

    public CaseTimelineUiController(ProcedureService procedures, TimelineService timelines,
                                    CustomEventService customEvents, Clock clock) {
        this.procedures = procedures;
        this.timelines = timelines;
        this.customEvents = customEvents;
        this.clock = clock;
    }

    @GetMapping("/cases/{number}/ttps")
    String ttps(@PathVariable long number, Model model) {
        return ttpsCard(CurrentPrincipal.get(), number, model);
    }

    @PostMapping("/cases/{number}/ttps")
    String addTtp(@PathVariable long number, @RequestParam String patternId, @RequestParam(defaultValue = "") String tactic,
                  @RequestParam(defaultValue = "") String occurred, @RequestParam(defaultValue = "") String description,
                  Model model) {
        Principal p = CurrentPrincipal.get();
        try {
            procedures.createInCase(p, String.valueOf(number), List.of(new NewProcedure(patternId,
                    Forms.blank(tactic) ? null : tactic, date(occurred), Forms.blank(description) ? null : description)));
        } catch (DomainException refused) {
            model.addAttribute("ttpError", refused.getMessage());
        }
        return ttpsCard(p, number, model);
    }

    @GetMapping("/cases/{number}/timeline")
    String timeline(@PathVariable long number, Model model) {
        return timelineCard(CurrentPrincipal.get(), number, model);
    }

    @PostMapping("/cases/{number}/timeline")
    String addEvent(@PathVariable long number, @RequestParam String title, @RequestParam(defaultValue = "") String date,
                    @RequestParam(defaultValue = "") String description, Model model) {
        Principal p = CurrentPrincipal.get();
        try {
            customEvents.create(p, String.valueOf(number), new NewCustomEvent(date(date), null, title,
                    Forms.blank(description) ? null : description));
        } catch (DomainException refused) {
            model.addAttribute("eventError", refused.getMessage());
        }
        return timelineCard(p, number, model);
    }

    private String ttpsCard(Principal p, long number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("procedures", procedures.ofCase(p, String.valueOf(number)).stream().map(ProcedureView::of).toList());
        model.addAttribute("canManage", p.can(Permission.MANAGE_CASE));
        return "cases/timeline :: ttpsCard";
    }

    private String timelineCard(Principal p, long number, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("events", timelines.of(p, String.valueOf(number), EVENTS_SHOWN));
        model.addAttribute("canManage", p.can(Permission.MANAGE_CASE));
        return "cases/timeline :: timelineCard";
    }

    /** A datetime-local value read as UTC (the UI shows UTC everywhere); empty is now. */
    private long date(String value) {
        if (Forms.blank(value)) return clock.millis();
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new io.sightline.server.core.Invalid("Date " + value + " is not a date and time");
        }
    }
}
