package io.sightline.integrations.opencti;

import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * Hands one bundle (for the Stixify connector: one report) to OpenCTI, attached to a work. The
 * objects are consumed as a stream; implementations keep memory bounded whatever their number.
 * Returning normally means OpenCTI holds every object (broker confirms or platform answer).
 */
public interface BundleDelivery extends AutoCloseable {

    /**
     * @param bundleId a valid STIX bundle id ({@code bundle--<uuid>})
     * @param objects  the bundle's objects, in any order
     * @param workId   the work the objects are counted in
     */
    DeliveryReport deliver(String bundleId, Iterator<? extends JsonNode> objects, String workId);

    @Override
    void close();
}
