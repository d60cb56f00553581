package io.sightline.integrations.stixify;

import java.util.Iterator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where {@link DossierSync} delivers reports: OpenCTI (the standalone connector) or the hub's intel
 * store. One call of {@link #deliver} per report; it must return only once the report's objects are
 * durably delivered (published and confirmed, committed), and throw otherwise, since the dossier's
 * cursor moves past a report only after every report of the run was delivered.
 *
 * <p>Calls for one sync run come from one thread, in this order per configured dossier:
 * {@link #dossierStarted}, {@link #deliver} for each new report, {@link #dossierFinished} (always,
 * also when listing the reports failed).
 */
public interface ReportSink {

    /**
     * A configured dossier is about to be synced (the OpenCTI connector opens its
     * {@code Dossier: <name> (<id>)} work here).
     */
    default void dossierStarted(Dossier dossier) {}

    /**
     * Delivers one report. {@code objects} streams the report's STIX objects exactly as Stixify
     * returns them (possibly none); it must be consumed completely before returning. Exceptions
     * from the iterator (HTTP or format problems) should be left to propagate.
     *
     * @throws Exception when the report was not durably delivered; it is retried on the next run
     */
    void deliver(Dossier dossier, StixifyReport report, Iterator<ObjectNode> objects) throws Exception;

    /**
     * Returns once every report delivered so far is durably held; called after the dossier's last
     * report. A failure that belongs to one report is a {@link ReportFailedException}.
     */
    default void awaitDelivered() throws Exception {}

    /** The dossier's sync ended (the OpenCTI connector closes the dossier's work here). */
    default void dossierFinished(Dossier dossier, DossierResult result) {}
}
