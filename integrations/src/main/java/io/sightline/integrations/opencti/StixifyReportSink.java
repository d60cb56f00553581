package io.sightline.integrations.opencti;

import io.sightline.integrations.stixify.Dossier;
import io.sightline.integrations.stixify.DossierResult;
import io.sightline.integrations.stixify.ReportFailedException;
import io.sightline.integrations.stixify.ReportSink;
import io.sightline.integrations.stixify.StixifyReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers each Stixify report as one bundle to OpenCTI, inside the dossier's work
 * {@code Dossier: <name> (<id>)}, which is closed as done or, when a report or the listing failed,
 * in error with the reasons.
 */
public final class StixifyReportSink implements ReportSink {
    public static final String LABEL = "[Stixify]";
    private static final Logger log = LoggerFactory.getLogger(StixifyReportSink.class);

    private final OpenCtiClient client;
    private final String connectorId;
    private final BundleDelivery delivery;
    private String workId;
    /** Bundle id to report id for this dossier's reports, to attribute background failures. */
    private final Map<String, String> publishing = new HashMap<>();

    public StixifyReportSink(OpenCtiClient client, String connectorId, BundleDelivery delivery) {
        this.client = client;
        this.connectorId = connectorId;
        this.delivery = delivery;
    }

    public static String workName(Dossier dossier) {
        return "Dossier: " + dossier.name() + " (" + dossier.id() + ")";
    }

    /** {@code bundle--<uuid>}: the report's own UUID, so the bundle id is valid STIX (the original built {@code bundle--report--<uuid>}). */
    public static String bundleId(String reportId) {
        int sep = reportId.indexOf("--");
        String tail = sep >= 0 ? reportId.substring(sep + 2) : reportId;
        try {
            return "bundle--" + UUID.fromString(tail);
        } catch (IllegalArgumentException e) {
            return "bundle--" + UUID.nameUUIDFromBytes(reportId.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void dossierStarted(Dossier dossier) {
        workId = client.workAdd(connectorId, workName(dossier));
    }

    @Override
    public void deliver(Dossier dossier, StixifyReport report, Iterator<ObjectNode> objects) {
        DeliveryReport result;
        try {
            result = delivery.deliver(bundleId(report.id()), objects, workId);
        } catch (BundleFailedException e) {
            throw attributed(e);
        }
        publishing.put(bundleId(report.id()), report.id());
        log.info("Report {} ({}) delivered: {} object(s) in {} message(s){}", report.name(), report.id(),
                result.objectsSent(), result.messages(),
                result.droppedCount() == 0 ? "" : ", left out " + result.dropped());
    }

    /** A failure of a bundle published in the background, counted against its report. */
    private RuntimeException attributed(BundleFailedException e) {
        String reportId = publishing.get(e.bundleId());
        return reportId == null ? e : new ReportFailedException(reportId, e.getMessage(), e);
    }

    @Override
    public void awaitDelivered() {
        try {
            delivery.awaitDelivered();
        } catch (BundleFailedException e) {
            throw attributed(e);
        }
    }

    @Override
    public void dossierFinished(Dossier dossier, DossierResult result) {
        publishing.clear();
        if (workId == null) return;
        List<String> failures = new ArrayList<>(result.failures());
        try {
            delivery.awaitDelivered();
        } catch (RuntimeException e) {
            failures.add("delivery not confirmed: " + e.getMessage());
            log.error("Objects of dossier {} were not confirmed by OpenCTI: {}", dossier.id(), e.getMessage());
        }
        boolean done = failures.isEmpty();
        String message = done ? LABEL + " Work done" : LABEL + " Work failed - " + String.join("\n", failures);
        // Set-aside reports do not fail the work (the dossier moved on) but are named in its message.
        if (!result.setAside().isEmpty()) message += "\n" + String.join("\n", result.setAsideLines());
        try {
            client.workToProcessed(workId, message, !done);
        } catch (RuntimeException e) {
            log.warn("Could not close the work of dossier {}: {}", dossier.id(), e.getMessage());
        } finally {
            workId = null;
        }
    }
}
