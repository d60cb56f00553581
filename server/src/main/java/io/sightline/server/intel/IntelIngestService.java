package io.sightline.server.intel;

import io.sightline.stix.StixFormatException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Writes the STIX objects of intelligence reports into the intel store. The store is global to
 * the hub (not per organisation): it holds published intelligence that every organisation may
 * match its observables against.
 *
 * <p>Objects are keyed by STIX id and versioned by {@code modified} (else {@code created}): an
 * older version never replaces a newer one and an equal version is a no-op. Whatever its version,
 * each object is linked to the report and dossier it arrived in, so an object delivered in several
 * reports lists them all.
 */
@Service
public class IntelIngestService {
    /** Objects written per batch: one SELECT, a few JDBC batches. */
    static final int BATCH_OBJECTS = 500;
    /** A batch is also written once its objects' JSON reaches this many characters. */
    static final long BATCH_CHARS = 8_000_000;
    static final int MAX_ID_CHARS = 300;
    static final int MAX_SOURCE_CHARS = 64;
    private static final Logger log = LoggerFactory.getLogger(IntelIngestService.class);

    private final IntelObjectParser parser;
    private final IntelBatchWriter writer;
    private final IntelRepository repository;
    private final Clock clock;

    public IntelIngestService(IntelObjectParser parser, IntelBatchWriter writer, IntelRepository repository) {
        this.parser = parser;
        this.writer = writer;
        this.repository = repository;
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores the objects of one report of a dossier, streaming: at most one batch of objects is
     * held at a time, whatever the size of the report.
     *
     * <p>Runs in a transaction, joining the caller's when there is one: a connector commits its
     * checkpoint (cursor) in the same transaction, so a report is either stored with its cursor
     * moved or not at all. An exception from {@code objects} (network, malformed JSON) propagates
     * and rolls the report back. Delivering the same report again is idempotent: the report's
     * links are rebuilt from what it holds now, objects are only replaced by newer versions.
     *
     * @param source the intelligence source, e.g. {@code stixify}
     * @param dossierId the dossier's id in the source
     * @param dossierName the dossier's display name, may be null
     * @param reportId the report's id ({@code report--<uuid>} for Stixify)
     * @param reportName the report's display name, may be null
     * @param objects the report's STIX objects, consumed completely
     * @return counts of what was inserted, updated, left unchanged or rejected
     * @throws IllegalArgumentException when source, dossier id or report id is blank or too long
     */
    @Transactional
    public IngestResult ingestReport(String source, String dossierId, String dossierName, String reportId, String reportName,
                                     Iterator<? extends JsonNode> objects) {
        requireText("source", source, MAX_SOURCE_CHARS);
        requireText("dossier id", dossierId, MAX_ID_CHARS);
        requireText("report id", reportId, MAX_ID_CHARS);
        Objects.requireNonNull(objects, "objects");
        long now = clock.millis();
        writer.beginReport();
        long reportRef = repository.upsertReport(source, dossierId, bounded(dossierName), reportId, bounded(reportName), now);
        repository.clearLinks(reportRef);
        IngestCounter counter = new IngestCounter();
        List<IntelObject> pending = new ArrayList<>();
        long pendingChars = 0;
        while (objects.hasNext()) {
            JsonNode node = objects.next();
            counter.received++;
            IntelObjectParser.Parsed parsed;
            try {
                parsed = parser.parse(node);
            } catch (StixFormatException e) {
                counter.reject("object #" + counter.received + ": " + e.getMessage());
                continue;
            }
            counter.valuesSkipped += parsed.valuesSkipped();
            pending.add(parsed.object());
            pendingChars += parsed.object().rawChars();
            if (pending.size() >= BATCH_OBJECTS || pendingChars >= BATCH_CHARS) {
                writer.write(reportRef, pending, counter, now);
                pending.clear();
                pendingChars = 0;
            }
        }
        writer.write(reportRef, pending, counter, now);
        repository.setObjectCount(reportRef, counter.linked);
        IngestResult result = counter.result();
        log.info("Intel: {} report {} of dossier {}: {} objects, {} new, {} updated, {} unchanged, {} older, {} rejected, {} values",
                source, reportId, dossierId, result.received(), result.inserted(), result.updated(), result.unchanged(),
                result.older(), result.rejected(), result.valuesStored());
        return result;
    }

    private static void requireText(String what, String value, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
        if (value.length() > max) throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " contains a NUL character");
    }

    private static String bounded(String name) {
        return IntelObjectParser.bounded(name, IntelObjectParser.NAME_CHARS);
    }
}
