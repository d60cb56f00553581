package io.sightline.stix.split;

import io.sightline.stix.StixFormatException;

/** A single STIX object too large to fit in one message under the configured byte limit. */
public final class OversizedObjectException extends StixFormatException {
    private final String objectId;

    public OversizedObjectException(String objectId, long size, long limit) {
        super("object " + objectId + " needs " + size + " bytes, more than the limit of " + limit + " bytes per message");
        this.objectId = objectId;
    }

    /** Id of the object that does not fit. */
    public String objectId() {
        return objectId;
    }
}
