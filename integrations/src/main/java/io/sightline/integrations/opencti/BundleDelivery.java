package io.sightline.integrations.opencti;

import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * Hands one bundle (for the Stixify connector: one report) to OpenCTI, attached to a work. The
 * objects are consumed as a stream; implementations keep memory bounded whatever their number.
 * Every object handed over is held by OpenCTI (broker confirms or platform answer) once
 * {@link #awaitDelivered()} returns; a delivery may leave its last confirms outstanding so that the
 * next bundle is read while they arrive, and a failure among them is thrown by the next call.
 */
public interface BundleDelivery extends AutoCloseable {

    /**
     * @param bundleId a valid STIX bundle id ({@code bundle--<uuid>})
     * @param objects  the bundle's objects, in any order
     * @param workId   the work the objects are counted in
     */
    DeliveryReport deliver(String bundleId, Iterator<? extends JsonNode> objects, String workId);

    /** Returns once everything delivered so far is held by OpenCTI; throws if some of it was refused. */
    void awaitDelivered();

    @Override
    void close();
}
