package io.sightline.server.connectors.misp.importing;

import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.mapping.MispAlertDraft;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.reading.MispEventListener;

import io.sightline.integrations.http.HttpNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The reading side of an import run. Events listed by the search are taken a page at a time:
 * what the hub already has is looked up for the whole page, the events that need importing are
 * fetched together ({@code POST /events/restSearch}) and each streams into its own
 * {@link EventReader}, whose chunks go to the {@link ImportPipeline}. MISP answers in its own
 * order and may leave out an event deleted since it was listed (that one is then asked for
 * alone: gone, or imported); checkpoints only move over events complete in the listed order
 * ({@link CompletedPrefix}).
 */
final class EventFetcher {
    /** Events fetched in one request at most. */
    static final int PAGE_EVENTS = 100;
    /** Attributes fetched in one request at most, as MISP counts them; a larger event comes alone. */
    static final long PAGE_ATTRIBUTES = 20_000;
    /** Assumed size of an event whose index entry has no {@code attribute_count}. */
    private static final long UNKNOWN_SIZE = 1_000;

    /** What the fetcher needs from its server run, besides what reading an event needs. */
    interface Run extends EventReader.Run {
        MispImportStore store();

        String serverName();

        List<Long> organisations();
    }

    private record Listed(MispEventSummary summary, long ticket) {}

    /** An event being fetched and its reader. */
    private record Fetch(MispEventSummary summary, long ticket, EventReader reader) {}

    private final Run run;
    private final MispClient client;
    private final ImportPipeline pipeline;
    private final Function<MispEventSummary, MispAlertDraft> alerts;
    private final CompletedPrefix progress = new CompletedPrefix();
    private final List<Listed> page = new ArrayList<>();
    private long pageAttributes;

    /** @param alerts the alert of an event, made once the event is known to need importing */
    EventFetcher(Run run, MispClient client, ImportPipeline pipeline, Function<MispEventSummary, MispAlertDraft> alerts) {
        this.run = run;
        this.client = client;
        this.pipeline = pipeline;
        this.alerts = alerts;
    }

    /** Takes the next event of the search; fetches the page once it is full. */
    void listed(MispEventSummary summary) {
        page.add(new Listed(summary, progress.add(Long.toString(summary.timestamp()))));
        pageAttributes += summary.attributeCount() == null ? UNKNOWN_SIZE : Math.max(1, summary.attributeCount());
        if (page.size() >= PAGE_EVENTS || pageAttributes >= PAGE_ATTRIBUTES) flush();
    }

    /** Fetches and hands over whatever was listed and not fetched yet. */
    void flush() {
        if (page.isEmpty()) return;
        List<Listed> listed = List.copyOf(page);
        page.clear();
        pageAttributes = 0;
        Map<String, MispImportStore.EventState> states = run.store().states(run.serverName(),
                listed.stream().map(Listed::summary).toList());
        List<Fetch> wanted = new ArrayList<>();
        for (Listed l : listed) {
            MispImportStore.EventState state = l.summary().uuid() == null ? MispImportStore.UNKNOWN
                    : states.getOrDefault(l.summary().uuid(), MispImportStore.UNKNOWN);
            if (state.exportedByHub()) {
                nothingToWrite(l.ticket(), "eventsSkippedOwnExport");
            } else if (state.upToDate().containsAll(run.organisations())) {
                nothingToWrite(l.ticket(), "eventsUnchanged");
            } else {
                ImportingEvent event = new ImportingEvent(alerts.apply(l.summary()), newMark(), state.known());
                wanted.add(new Fetch(l.summary(), l.ticket(), new EventReader(run, event, pipeline::put)));
            }
        }
        fetch(wanted);
    }

    /** A new mark for an import: it tells the observables this import saw from older ones. */
    private static long newMark() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private void fetch(List<Fetch> wanted) {
        if (wanted.isEmpty()) return;
        Map<String, Fetch> byId = new HashMap<>();
        Map<String, Fetch> byUuid = new HashMap<>();
        List<Fetch> alone = new ArrayList<>();
        for (Fetch f : wanted) {
            String id = f.summary().id();
            if (id == null || id.isEmpty()) {
                alone.add(f); // restSearch's eventid filter takes ids only
            } else {
                byId.put(id, f);
                if (f.summary().uuid() != null) byUuid.put(f.summary().uuid(), f);
            }
        }
        Set<Fetch> read = new HashSet<>();
        List<Fetch> withFiles = new ArrayList<>();
        if (!byId.isEmpty()) {
            client.fetchEvents(new ArrayList<>(byId.keySet()), (id, uuid) -> {
                Fetch f = id != null && byId.containsKey(id) ? byId.get(id) : uuid != null ? byUuid.get(uuid) : null;
                if (f == null || !read.add(f)) return IGNORED; // not asked for, or sent twice: not imported by this answer
                return new MispEventListener() {
                    @Override
                    public void attribute(MispAttribute attribute) {
                        f.reader().attribute(attribute);
                    }

                    @Override
                    public void eventEnd(MispEventSummary event, long attributesRead) {
                        // files are downloaded once the answer is read: MISP would wait meanwhile
                        if (f.reader().hasFiles()) withFiles.add(f);
                        else complete(f);
                    }
                };
            });
        }
        withFiles.forEach(this::complete);
        for (Fetch f : wanted) {
            if (!read.contains(f) && !alone.contains(f)) alone.add(f);
        }
        alone.forEach(this::fetchAlone);
    }

    /** {@code GET /events/view}: for an event without id, or one the page's answer left out. */
    private void fetchAlone(Fetch f) {
        try {
            client.fetchEvent(f.summary().idOrUuid(), false, f.reader());
        } catch (HttpNotFoundException gone) {
            // deleted in MISP (or hidden from the key) since the index was read
            nothingToWrite(f.ticket(), "eventsGone");
            return;
        }
        complete(f);
    }

    private void complete(Fetch f) {
        f.reader().finish(progress.complete(f.ticket()));
    }

    private void nothingToWrite(long ticket, String counter) {
        String checkpoint = progress.complete(ticket);
        if (checkpoint != null) pipeline.put(new ImportPipeline.Checkpoint(checkpoint));
        run.count(counter, 1);
    }

    private static final MispEventListener IGNORED = attribute -> { };
}
