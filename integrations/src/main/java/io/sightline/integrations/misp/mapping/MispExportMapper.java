package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispNewEvent;
import io.sightline.integrations.misp.model.MispSample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a case and its observables into what {@link io.sightline.integrations.misp.MispClient} sends, following TheHive 4's
 * export rules (reference {@code misp.md} §5) with its defects fixed: an explicit export table
 * instead of the reversed import list, {@code to_ids} sent from the ioc flag, TLP 2.0 tags, PAP
 * tags. Pure mapping, thread-safe.
 */
public final class MispExportMapper {

    /** How an observable goes to MISP. */
    public sealed interface Export {
    }

    /** As an attribute. */
    public record AsAttribute(MispNewAttribute attribute) implements Export {
    }

    /** As a file, through {@link io.sightline.integrations.misp.MispClient#uploadSample}. */
    public record AsFile(MispSample.Kind kind, String category) implements Export {
    }

    /** Not exported, with the reason to show the user (TheHive skipped such observables silently). */
    public record Skipped(String reason) implements Export {
    }

    private final MispExportTypes types;
    private final boolean exportCaseTags;
    private final boolean exportObservableTags;

    /**
     * @param types                the export table
     * @param exportCaseTags       add the case tags to the event (TheHive's {@code exportCaseTags})
     * @param exportObservableTags add observable tags to attributes ({@code exportObservableTags})
     */
    public MispExportMapper(MispExportTypes types, boolean exportCaseTags, boolean exportObservableTags) {
        this.types = Objects.requireNonNull(types, "types");
        this.exportCaseTags = exportCaseTags;
        this.exportObservableTags = exportObservableTags;
    }

    /** TheHive's rule: severity 1..3 (low..high) becomes threat level 3..1; anything else is clamped to 1..4. */
    public static int threatLevel(int severity) {
        return Math.max(1, Math.min(4, 4 - severity));
    }

    /**
     * The event for a case: not published, distribution "your organisation only", analysis
     * "initial", tagged with its TLP and PAP (and its tags when configured).
     */
    public MispNewEvent event(String title, LocalDate date, int severity, int tlp, int pap, List<String> caseTags,
                              List<MispNewAttribute> attributes) {
        return event(title, date, severity, tlp, pap, caseTags, List.of(), attributes);
    }

    /**
     * The event for a case with its ATT&CK techniques as galaxy tags ({@link MispGalaxy#attackPatternTag}): they are
     * the case's procedures, not free tags, so they are sent whether or not case tags are exported.
     */
    public MispNewEvent event(String title, LocalDate date, int severity, int tlp, int pap, List<String> caseTags,
                              List<String> galaxyTags, List<MispNewAttribute> attributes) {
        List<String> tags = new ArrayList<>();
        tags.add(MispTlp.tlpTag(tlp));
        tags.add(MispTlp.papTag(pap));
        if (exportCaseTags) {
            caseTags.stream().filter(t -> !MispTlp.isMarking(t) && !tags.contains(t)).forEach(tags::add);
        }
        galaxyTags.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        return new MispNewEvent(title, date, threatLevel(severity), 0, 0, false, tags, attributes, null);
    }

    /**
     * How one observable is exported. Only IOC observables are exported, as in TheHive; others
     * come back as {@link Skipped} so the user can be told.
     */
    public Export observable(String dataType, String data, boolean ioc, String message, int tlp, List<String> tags) {
        if (!ioc) {
            return new Skipped("not flagged as IOC");
        }
        Optional<MispExportTypes.Target> target = types.target(dataType, data);
        if (target.isEmpty()) {
            return new Skipped("no MISP type for dataType '" + dataType + "' in the export table");
        }
        String type = target.get().type();
        if (type.equals("malware-sample")) {
            return new AsFile(MispSample.Kind.MALWARE_SAMPLE, target.get().category());
        }
        if (type.equals("attachment")) {
            return new AsFile(MispSample.Kind.ATTACHMENT, target.get().category());
        }
        List<String> attributeTags = new ArrayList<>();
        attributeTags.add(MispTlp.tlpTag(tlp));
        if (exportObservableTags) {
            tags.stream().filter(t -> !MispTlp.isMarking(t) && !attributeTags.contains(t)).forEach(attributeTags::add);
        }
        return new AsAttribute(new MispNewAttribute(type, target.get().category(), data, true,
                message == null ? "" : message, null, attributeTags));
    }
}
