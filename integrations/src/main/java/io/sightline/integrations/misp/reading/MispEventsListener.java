package io.sightline.integrations.misp.reading;

/**
 * Receives an answer holding several events ({@code POST /events/restSearch}), streamed by
 * {@link MispEventReader#readEvents}: each event is announced before its attributes, so they can go
 * straight to whoever handles that event.
 *
 * <p>An exception thrown by a listener method stops the reading and propagates unchanged.
 */
@FunctionalInterface
public interface MispEventsListener {

    /**
     * An event begins.
     *
     * @param id   the event id, if MISP wrote it before the attributes (MISP writes it first)
     * @param uuid the event uuid, likewise
     * @return the listener of this event's attributes and end
     */
    MispEventListener eventStart(String id, String uuid);
}
