package io.sightline.server.connectors.stixify;

import io.sightline.integrations.stixify.Dossier;
import io.sightline.integrations.stixify.DossierResult;
import io.sightline.integrations.stixify.ReportSink;
import io.sightline.integrations.stixify.StixifyReport;
import io.sightline.server.connectors.spi.PartitionRun;
import io.sightline.server.intel.IngestResult;
import io.sightline.server.intel.IntelIngestService;
import java.util.Iterator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the hub's Stixify sync delivers a report: into the intel store (one transaction per
 * report) and, with an OpenCTI target, also to OpenCTI. A report counts as delivered only when
 * both succeeded; otherwise the exception reaches the sync, which keeps the dossier's cursor and
 * lists the report again next run. Storing it again is harmless: the intel store upserts by STIX
 * id and rebuilds the report's links, OpenCTI upserts by STIX id too.
 *
 * <p>With a target, the objects stream into the intel store while a {@link ReportSpool} keeps a
 * copy on disk, which is then replayed to OpenCTI: memory stays bounded and Stixify is read once.
 *
 * <p>Failures are attributed for the health: an exception raised while reading from Stixify marks
 * the Stixify server, one from the OpenCTI delivery the OpenCTI server.
 */
final class HubReportSink implements ReportSink {
    static final String SOURCE = "stixify";

    /** What the connector's health learns from deliveries. */
    interface Listener {
        void stixifyFailed(Exception e);

        void openCtiFailed(Exception e);
    }

    private final IntelIngestService intel;
    private final ReportSink opencti;
    private final Listener listener;
    private final PartitionRun run;
    private boolean stixifyFailed;

    /** @param opencti the OpenCTI sink, or null without a target */
    HubReportSink(IntelIngestService intel, ReportSink opencti, Listener listener, PartitionRun run) {
        this.intel = intel;
        this.opencti = opencti;
        this.listener = listener;
        this.run = run;
    }

    /** Whether reading some report from Stixify failed during this run. */
    boolean stixifyFailed() {
        return stixifyFailed;
    }

    @Override
    public void dossierStarted(Dossier dossier) {
        if (opencti == null) return;
        try {
            opencti.dossierStarted(dossier);
        } catch (RuntimeException e) {
            listener.openCtiFailed(e);
            throw e;
        }
    }

    @Override
    public void deliver(Dossier dossier, StixifyReport report, Iterator<ObjectNode> objects) throws Exception {
        SourceGuard source = new SourceGuard(objects);
        try {
            if (opencti == null) {
                done(ingest(dossier, report, source));
                return;
            }
            try (ReportSpool spool = ReportSpool.create()) {
                IngestResult stored = ingest(dossier, report, spool.tee(source));
                try {
                    opencti.deliver(dossier, report, spool.replay());
                } catch (Exception e) {
                    listener.openCtiFailed(e);
                    throw e;
                }
                done(stored);
            }
        } catch (RuntimeException e) {
            if (source.failure == e) {
                stixifyFailed = true;
                listener.stixifyFailed(e);
            }
            throw e;
        }
    }

    @Override
    public void dossierFinished(Dossier dossier, DossierResult result) {
        if (opencti != null) opencti.dossierFinished(dossier, result);
    }

    private IngestResult ingest(Dossier dossier, StixifyReport report, Iterator<ObjectNode> objects) {
        return intel.ingestReport(SOURCE, dossier.id(), dossier.name(), report.id(), report.name(), objects);
    }

    private void done(IngestResult result) {
        run.count("reports", 1);
        run.count("objects", result.received());
        run.count("objectsNew", result.inserted() + result.updated());
        if (result.rejected() > 0) run.count("objectsRejected", result.rejected());
    }

    /** Remembers an exception raised by Stixify's object stream, to tell it apart from the destinations' ones. */
    private static final class SourceGuard implements Iterator<ObjectNode> {
        private final Iterator<ObjectNode> source;
        RuntimeException failure;

        SourceGuard(Iterator<ObjectNode> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            try {
                return source.hasNext();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public ObjectNode next() {
            try {
                return source.next();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }
}
