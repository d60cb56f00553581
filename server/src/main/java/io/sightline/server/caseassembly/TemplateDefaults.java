package io.sightline.server.caseassembly;

import io.sightline.server.casetemplates.CaseTemplate;
import io.sightline.server.casetemplates.CaseTemplateRecord;
import io.sightline.server.casetemplates.TaskSpec;
import io.sightline.server.casetemplates.TemplateTask;
import io.sightline.server.cases.NewCase;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.StoredValue;
import io.sightline.server.tasks.NewTask;
import io.sightline.server.tasks.TaskStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a case template gives a case, as TheHive 5 applies it: the title prefix, the fields the case
 * leaves unset (description, severity, TLP, PAP, flag, summary), its tags added to the case's, its
 * tasks, and its custom field defaults under the values the case gives itself.
 */
final class TemplateDefaults {
    private TemplateDefaults() {}

    static NewCase applyTo(NewCase n, CaseTemplate template) {
        CaseTemplateRecord t = template.template();
        return new NewCase(prefixed(t.titlePrefix(), n.title()), or(n.description(), t.description()),
                n.severity() != null ? n.severity() : t.severity(),
                n.tlp() != null ? n.tlp() : t.tlp() == null ? null : Tlp.of(t.tlp()),
                n.pap() != null ? n.pap() : t.pap() == null ? null : Pap.of(t.pap()),
                n.flag() != null ? n.flag() : Boolean.valueOf(t.flag()), n.startDate(), n.endDate(),
                tags(t.tags(), n.tags()), or(n.summary(), t.summary()), n.assignee(), n.status(), n.resolutionStatus(),
                n.impactStatus(), customFields(template.customFields(), n.customFields()));
    }

    /** TheHive puts the prefix before the title, separated by a space; an empty title is left for the case to refuse. */
    static String prefixed(String prefix, String title) {
        if (prefix == null || title == null || title.isBlank()) return title;
        return title.startsWith(prefix) ? title : prefix + " " + title;
    }

    /** The template's tags first, then the case's own, once each. */
    static List<String> tags(List<String> template, List<String> own) {
        Set<String> all = new LinkedHashSet<>(template);
        if (own != null) all.addAll(own);
        return List.copyOf(all);
    }

    /** The template's defaults for the fields the case does not set, then the case's own values. */
    static List<CustomFieldInput> customFields(List<StoredValue> defaults, List<CustomFieldInput> own) {
        Set<String> given = new HashSet<>();
        for (CustomFieldInput in : own) given.add(in.name());
        List<CustomFieldInput> out = new ArrayList<>();
        for (StoredValue v : defaults) if (!given.contains(v.name())) out.add(v.asInput());
        out.addAll(own);
        return out;
    }

    static NewTask task(TemplateTask task) {
        TaskSpec s = task.spec();
        return new NewTask(s.title(), s.group(), s.description(), s.status() == null ? null : TaskStatus.parse(s.status()),
                s.flag(), s.mandatory(), task.order(), s.assignee(), s.dueDate(), null, null);
    }

    private static String or(String own, String template) {
        return own != null ? own : template;
    }
}
