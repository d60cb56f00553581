package io.sightline.testkit.stixify;

import io.sightline.integrations.stixify.Dossier;
import io.sightline.integrations.stixify.DossierResult;
import io.sightline.integrations.stixify.ReportSink;
import io.sightline.integrations.stixify.StixifyReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/** A sink that keeps what it was given and can be told to fail some reports. */
final class RecordingSink implements ReportSink {
    record Delivery(String dossierId, String reportId, List<String> objectIds) {}

    final List<Delivery> deliveries = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<DossierResult> finished = new ArrayList<>();
    final Set<String> failingReports = ConcurrentHashMap.newKeySet();
    /** Runs when a delivery starts, before the first object is read. */
    volatile Runnable beforeReading;

    @Override
    public void dossierStarted(Dossier dossier) {
        events.add("start " + dossier.id());
    }

    @Override
    public void deliver(Dossier dossier, StixifyReport report, Iterator<ObjectNode> objects) throws Exception {
        if (beforeReading != null) beforeReading.run();
        List<String> ids = new ArrayList<>();
        objects.forEachRemaining(o -> ids.add(o.path("id").asString()));
        if (failingReports.contains(report.id())) throw new java.io.IOException("broker unavailable");
        deliveries.add(new Delivery(dossier.id(), report.id(), ids));
        events.add("deliver " + report.id());
    }

    @Override
    public void dossierFinished(Dossier dossier, DossierResult result) {
        events.add("finish " + dossier.id() + (result.succeeded() ? " ok" : " failed"));
        finished.add(result);
    }

    List<String> reportIds() {
        return deliveries.stream().map(Delivery::reportId).toList();
    }
}
