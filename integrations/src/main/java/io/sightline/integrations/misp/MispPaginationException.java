package io.sightline.integrations.misp;

import io.sightline.integrations.misp.model.MispException;

/**
 * Paging through MISP's event index could not make safe progress (the server repeated a page,
 * ignored the requested order, or exceeded the page limit). The events delivered before it remain
 * valid; the checkpoint must not move past the last one delivered.
 */
public class MispPaginationException extends MispException {

    public MispPaginationException(String message) {
        super(message);
    }
}
