package io.sightline.server.connectors.misp;

import io.sightline.integrations.http.HttpNotFoundException;
import io.sightline.integrations.misp.MispAlertDraft;
import io.sightline.integrations.misp.MispAlertMapper;
import io.sightline.integrations.misp.MispAttribute;
import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.MispEventListener;
import io.sightline.integrations.misp.MispObservableDraft;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.observables.Attachment;
import io.sightline.server.observables.AttachmentStore;
import io.sightline.server.observables.ObservableTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import of one MISP event: attributes stream in, are mapped and normalised, and are written
 * in batches of {@code batchSize} observables, each batch in its own transaction, so memory does
 * not grow with the event. The last transaction also removes what MISP deleted and commits the
 * checkpoint, so a crash anywhere before it leaves the checkpoint before this event and the next
 * run imports it again, idempotently.
 */
final class MispEventImport implements MispEventListener {
    /** Files of one event downloaded at most; more are left out (and counted). */
    static final int MAX_FILES_PER_EVENT = 1000;

    /** What the import of one event needs from its server run. */
    interface Run {
        MispImportStore store();

        ObservableTypes types();

        AttachmentStore attachments();

        MispClient client();

        MispAlertMapper mapper();

        String serverName();

        String actor();

        List<Long> organisations();

        int batchSize();

        long now();

        /** Runs the work in one transaction. */
        void inTransaction(Runnable work);

        boolean stopRequested();

        void count(String counter, long n);
    }

    /** Thrown to abandon an event when the hub shuts down; the event is imported again next time. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("import stopped: the hub is shutting down", null, false, false);
        }
    }

    private record FileRef(MispObservableDraft draft) {}

    private final Run run;
    private final MispAlertDraft alert;
    private final long mark;
    private final Map<String, ImportedObservable> buffer = new LinkedHashMap<>();
    private final List<FileRef> files = new ArrayList<>();
    private List<MispImportStore.AlertTarget> targets;
    private long written;

    MispEventImport(Run run, MispAlertDraft alert, long mark) {
        this.run = run;
        this.alert = alert;
        this.mark = mark;
    }

    @Override
    public void attribute(MispAttribute attribute) {
        for (MispObservableDraft d : run.mapper().observables(attribute, alert.tlp())) {
            if (d.attachment()) {
                if (files.size() < MAX_FILES_PER_EVENT && d.attributeId() != null) files.add(new FileRef(d));
                else run.count("filesLeftOut", 1);
                continue;
            }
            add(prepare(d, null));
        }
    }

    /**
     * Finishes the event after its attributes were all read: downloads its files, writes the
     * last batch, removes what MISP deleted and commits {@code checkpoint} in that transaction.
     *
     * @param checkpointCommit commits the checkpoint; called inside the last transaction
     */
    void finish(Runnable checkpointCommit) {
        for (FileRef f : files) add(download(f.draft()));
        run.inTransaction(() -> {
            writeBuffer();
            long removed = 0;
            for (MispImportStore.AlertTarget t : targets) {
                removed += run.store().finishEvent(t, mark, alert.eventModified().getEpochSecond(), run.now());
            }
            checkpointCommit.run();
            run.count("observablesRemoved", removed);
        });
        run.count("observablesWritten", written);
    }

    private void add(ImportedObservable o) {
        // one value once per batch; the last attribute carrying it wins (TheHive's rule)
        buffer.remove(o.dataType() + "\0" + o.dataKey());
        buffer.put(o.dataType() + "\0" + o.dataKey(), o);
        if (buffer.size() >= run.batchSize()) {
            if (run.stopRequested()) throw new Stopped();
            run.inTransaction(this::writeBuffer);
        }
    }

    /** Writes and empties the buffer; the first write creates or updates the alerts. */
    private void writeBuffer() {
        if (targets == null) {
            targets = new ArrayList<>();
            for (long org : run.organisations()) {
                targets.add(run.store().upsertAlert(org, run.serverName(), alert, run.actor(), run.now()));
            }
        }
        run.store().writeObservables(targets, List.copyOf(buffer.values()), mark, run.actor(), run.now());
        written += buffer.size();
        buffer.clear();
    }

    /** The hub's form of a value; a value the hub's checks refuse for its type is kept as {@code other}. */
    private ImportedObservable prepare(MispObservableDraft d, Attachment file) {
        String dataType = d.dataType();
        String data = null;
        if (file == null) {
            try {
                data = run.types().normalise(dataType, d.data());
            } catch (RuntimeException refused) {
                dataType = "other";
                data = d.data().strip();
                run.count("keptAsOther", 1);
            }
            if (data.length() > 65_536) {
                data = data.substring(0, 65_536);
                run.count("valuesCut", 1);
            }
        }
        String key = file != null ? file.sha256() : SecretHashing.sha256(data);
        return new ImportedObservable(dataType, data, key, file == null ? null : file.id(), d.message(), d.tlp(), d.ioc(),
                d.modified().toEpochMilli(), d.tags());
    }

    private ImportedObservable download(MispObservableDraft d) {
        try {
            Path tmp = Files.createTempFile("misp-attachment-", ".bin");
            try {
                try (var out = Files.newOutputStream(tmp)) {
                    run.client().downloadAttachment(d.attributeId(), out);
                } catch (HttpNotFoundException missing) {
                    // MISP lists the attribute but has no file for it: keep the name, not nothing
                    run.count("filesMissing", 1);
                    return prepare(new MispObservableDraft("filename", d.data(), d.ioc(), d.tags(), d.message(), d.tlp(),
                            d.attributeUuid(), d.attributeId(), d.deleted(), d.modified(), false), null);
                }
                Attachment stored;
                try (InputStream in = Files.newInputStream(tmp)) {
                    String type = d.tags().stream().anyMatch(t -> t.contains("malware-sample"))
                            ? "application/zip" : "application/octet-stream";
                    stored = run.attachments().store(d.data(), type, in);
                }
                run.count("filesDownloaded", 1);
                return prepare(d, stored);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the file of attribute " + d.attributeId(), e);
        }
    }
}
