package io.sightline.integrations.misp.mapping;

import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.reading.MispEventListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns MISP events into {@link MispAlertDraft}s and attributes into {@link MispObservableDraft}s,
 * as TheHive 4 does (reference {@code misp.md} §4.3, §4.4) with its known defects fixed: TLP tags
 * are read case-insensitively (TLP 2.0 included), {@code to_ids} becomes the ioc flag, and
 * deleted attributes are reported so the hub can remove them. Pure mapping: no I/O, thread-safe.
 *
 * <p>Typical import of one event:
 * <pre>{@code
 * MispAlertDraft alert = mapper.alert(summary, source);               // from the index entry
 * client.fetchEvent(summary.idOrUuid(), true,
 *         mapper.observableStream(alert.tlp(), batcher::add));       // attribute by attribute
 * }</pre>
 */
public final class MispAlertMapper {

    private final MispImportTypes types;
    private final String baseUrl;
    private final List<String> extraTags;

    /**
     * @param types     the import table
     * @param baseUrl   the MISP server URL, for the alert's external link
     * @param extraTags tags added to every alert (the server's {@code tags} setting)
     */
    public MispAlertMapper(MispImportTypes types, String baseUrl, List<String> extraTags) {
        this.types = Objects.requireNonNull(types, "types");
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.extraTags = List.copyOf(extraTags);
    }

    /** The alert for an event (from the index or a full event's metadata). */
    public MispAlertDraft alert(MispEventSummary event, String source) {
        boolean hasId = event.id() != null && !event.id().isEmpty();
        String ref = hasId ? event.id() : event.uuid();
        String info = event.info() == null ? "" : event.info().strip();
        List<String> tags = new ArrayList<>();
        if (event.orgc() != null && event.orgc().name() != null) {
            tags.add("src:" + event.orgc().name());
        }
        tags.addAll(event.tagNames());
        for (String extra : extraTags) {
            if (!tags.contains(extra)) {
                tags.add(extra);
            }
        }
        return new MispAlertDraft("misp", source, ref, event.uuid(),
                hasId ? "#" + ref + " " + info : info,
                "Imported from MISP Event #" + ref + (event.date() == null ? "" : ", created at " + event.date()),
                severity(event.threatLevelId()), event.date(), Instant.ofEpochSecond(event.timestamp()),
                Instant.ofEpochSecond(event.publishTimestamp()), tags,
                MispTlp.tlp(event.tagNames()).orElse(MispTlp.DEFAULT_TLP),
                MispTlp.pap(event.tagNames()).orElse(MispTlp.DEFAULT_PAP),
                hasId && !baseUrl.isEmpty() ? baseUrl + "/events/view/" + ref : null);
    }

    /** TheHive's rule: threat level 1..3 (high..low) becomes severity 3..1, anything else 2. */
    public static int severity(int threatLevelId) {
        return threatLevelId >= 1 && threatLevelId <= 3 ? 4 - threatLevelId : 2;
    }

    /** The observables of one attribute: several for a composite type, none for an empty value. */
    public List<MispObservableDraft> observables(MispAttribute attribute, int eventTlp) {
        List<MispImportTypes.Part> parts = types.observables(attribute);
        List<MispObservableDraft> drafts = new ArrayList<>(parts.size());
        List<String> ownTags = attribute.tagNames();
        int tlp = MispTlp.tlp(ownTags).orElse(eventTlp);
        for (MispImportTypes.Part part : parts) {
            if (part.value().isBlank()) {
                continue;
            }
            List<String> tags = new ArrayList<>(3 + attribute.tags().size());
            tags.add("misp.category=\"" + attribute.category() + "\"");
            tags.add("misp.type=\"" + part.mispType() + "\"");
            if (attribute.object() != null && attribute.object().name() != null) {
                tags.add("misp.object=\"" + attribute.object().name() + "\"");
            }
            tags.addAll(ownTags);
            drafts.add(new MispObservableDraft(part.dataType(), part.value(), attribute.toIds(), tags,
                    attribute.comment(), tlp, attribute.uuid(), attribute.id(), attribute.deleted(),
                    Instant.ofEpochSecond(attribute.timestamp()), attribute.isFile()));
        }
        return drafts;
    }

    /**
     * A listener for {@link io.sightline.integrations.misp.reading.MispEventReader#read} / {@link io.sightline.integrations.misp.MispClient#fetchEvent} that maps each
     * attribute as it streams by and hands the observables to {@code sink}; nothing is retained.
     *
     * @param eventTlp the event's TLP (from {@link MispAlertDraft#tlp()}), used for attributes
     *                 without their own TLP tag
     */
    public MispEventListener observableStream(int eventTlp, Consumer<MispObservableDraft> sink) {
        return attribute -> observables(attribute, eventTlp).forEach(sink);
    }
}
