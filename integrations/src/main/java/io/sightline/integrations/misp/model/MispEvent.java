package io.sightline.integrations.misp.model;

import java.util.List;

/**
 * A small MISP event held in memory: what MISP answers to create/edit calls. Large events are
 * never materialised this way; stream them with {@link io.sightline.integrations.misp.reading.MispEventReader#read}.
 *
 * @param summary    the event metadata
 * @param attributes every attribute, those inside objects included, in source order
 */
public record MispEvent(MispEventSummary summary, List<MispAttribute> attributes) {

    public MispEvent {
        attributes = List.copyOf(attributes);
    }
}
