package io.sightline.integrations.misp.reading;

import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;

/**
 * Receives a MISP event streamed by {@link MispEventReader}: attributes one by one as they are
 * read, then the event's metadata once the event object closes (MISP often writes {@code Tag}
 * and other metadata after the attribute list, so the metadata cannot be known earlier).
 *
 * <p>An exception thrown by a listener method stops the reading and propagates unchanged.
 */
public interface MispEventListener {

    /** One attribute (plain or inside an object), in source order. */
    void attribute(MispAttribute attribute);

    /**
     * Called once per event after its last attribute.
     *
     * @param event          the event metadata
     * @param attributesRead number of attributes delivered for this event (deleted ones included)
     */
    default void eventEnd(MispEventSummary event, long attributesRead) {
    }
}
