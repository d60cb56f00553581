package io.sightline.server.connectors.misp.importing;

import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.mapping.MispAlertMapper;
import io.sightline.integrations.misp.mapping.MispObservableDraft;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.reading.MispEventListener;

import io.sightline.integrations.http.HttpNotFoundException;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.observables.ImportedObservable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one MISP event for the {@link ImportPipeline}: attributes stream in, are mapped and
 * normalised, and leave in chunks of {@code batchSize} observables, so memory does not grow with
 * the event. The last chunk (after the event's files are downloaded) completes the event; the
 * writer then removes what MISP deleted and commits the checkpoint in the same transaction, so a
 * crash anywhere before leaves the checkpoint before this event and the next run imports it
 * again, idempotently.
 */
final class EventReader implements MispEventListener {
    /** Files of one event downloaded at most; more are left out (and counted). */
    static final int MAX_FILES_PER_EVENT = 1000;

    /** What the reading of one event needs from its server run. */
    interface Run {
        ObservableTypes types();

        AttachmentStore attachments();

        MispClient client();

        MispAlertMapper mapper();

        int batchSize();

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
    private final ImportingEvent event;
    private final Consumer<ImportPipeline.Chunk> chunks;
    private final Map<String, ImportedObservable> buffer = new LinkedHashMap<>();
    private final List<FileRef> files = new ArrayList<>();

    EventReader(Run run, ImportingEvent event, Consumer<ImportPipeline.Chunk> chunks) {
        this.run = run;
        this.event = event;
        this.chunks = chunks;
    }

    @Override
    public void attribute(MispAttribute attribute) {
        for (MispObservableDraft d : run.mapper().observables(attribute, event.alert.tlp())) {
            if (d.attachment()) {
                if (files.size() < MAX_FILES_PER_EVENT && d.attributeId() != null) files.add(new FileRef(d));
                else run.count("filesLeftOut", 1);
                continue;
            }
            add(prepare(d, null));
        }
    }

    /** Whether the event has files to download before it can be finished. */
    boolean hasFiles() {
        return !files.isEmpty();
    }

    /**
     * Downloads the event's files and hands over its last chunk, once all its attributes were read.
     *
     * @param checkpoint what the checkpoint may move to once this event is written; null for not at all
     */
    void finish(String checkpoint) {
        for (FileRef f : files) add(download(f.draft()));
        emit(true, checkpoint);
    }

    private void add(ImportedObservable o) {
        // one value once per chunk; the last attribute carrying it wins (TheHive's rule)
        String key = o.dataType() + "\0" + o.dataKey();
        buffer.remove(key);
        buffer.put(key, o);
        if (buffer.size() >= run.batchSize()) {
            if (run.stopRequested()) throw new Stopped();
            emit(false, null);
        }
    }

    private void emit(boolean last, String checkpoint) {
        chunks.accept(new ImportPipeline.Chunk(event, List.copyOf(buffer.values()), last, checkpoint));
        buffer.clear();
    }

    /** The hub's form of a value; a value the hub's checks refuse for its type is kept as {@code other}. */
    private ImportedObservable prepare(MispObservableDraft d, Attachment file) {
        String dataType = d.dataType();
        String data = null;
        if (file == null) {
            MispValue value = MispValue.of(run.types(), dataType, d.data());
            dataType = value.dataType();
            data = value.data();
            if (value.keptAsOther()) run.count("keptAsOther", 1);
            if (value.cut()) run.count("valuesCut", 1);
        }
        String key = file != null ? file.sha256() : SecretHashing.sha256(data);
        return new ImportedObservable(dataType, data, key, file, d.message(), d.tlp(), d.ioc(),
                d.modified().toEpochMilli(), distinct(d.tags()));
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

    /** The tags once each: an attribute's own tag may repeat one the mapping adds. */
    private static List<String> distinct(List<String> tags) {
        for (int i = 1; i < tags.size(); i++) {
            if (tags.subList(0, i).contains(tags.get(i))) return List.copyOf(new LinkedHashSet<>(tags));
        }
        return tags;
    }
}
