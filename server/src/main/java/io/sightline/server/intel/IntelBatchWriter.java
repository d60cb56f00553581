package io.sightline.server.intel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of a report's objects with a fixed number of round trips, whatever the batch
 * size: one SELECT of the stored versions, batched INSERT / UPDATE of objects and values, one
 * SELECT of the report's existing links and a batched INSERT of the missing ones.
 */
@Component
class IntelBatchWriter {
    private final IntelRepository repository;

    IntelBatchWriter(IntelRepository repository) {
        this.repository = repository;
    }

    void write(long reportRef, List<IntelObject> batch, IngestCounter counter, long now) {
        if (batch.isEmpty()) return;
        Map<String, IntelObject> newest = newestCopies(batch, counter);
        Map<String, IntelRepository.Stored> stored = repository.findByStixIds(newest.keySet());

        List<IntelObject> inserts = new ArrayList<>();
        List<IntelObject> updates = new ArrayList<>();
        List<Long> updateIds = new ArrayList<>();
        for (IntelObject o : newest.values()) {
            IntelRepository.Stored current = stored.get(o.stixId());
            if (current == null) {
                inserts.add(o);
                continue;
            }
            int order = IntelObject.compareVersions(o.versionUs(), current.versionUs());
            if (order > 0) {
                updates.add(o);
                updateIds.add(current.id());
            } else if (order == 0) {
                counter.unchanged++;
            } else {
                counter.older++;
            }
        }

        repository.insertObjects(inserts, now);
        counter.inserted += inserts.size();
        Map<String, Long> ids = new LinkedHashMap<>();
        stored.forEach((stixId, s) -> ids.put(stixId, s.id()));
        if (!inserts.isEmpty()) {
            repository.findByStixIds(inserts.stream().map(IntelObject::stixId).toList())
                    .forEach((stixId, s) -> ids.put(stixId, s.id()));
        }

        List<IntelObject> written = new ArrayList<>(inserts);
        List<Long> replacedIds = new ArrayList<>();
        boolean[] replaced = repository.updateObjects(updateIds, updates, now);
        for (int i = 0; i < replaced.length; i++) {
            if (replaced[i]) {
                counter.updated++;
                written.add(updates.get(i));
                replacedIds.add(updateIds.get(i));
            } else {
                counter.older++; // a newer version was stored meanwhile
            }
        }
        repository.deleteValues(replacedIds);
        List<Object[]> valueRows = new ArrayList<>();
        for (IntelObject o : written) {
            long ref = ids.get(o.stixId());
            for (IntelValue v : o.values()) valueRows.add(new Object[] {ref, v.dataType(), v.dataKey(), v.data()});
        }
        repository.insertValues(valueRows);
        counter.valuesStored += valueRows.size();

        Set<Long> refs = new LinkedHashSet<>(ids.values());
        refs.removeAll(repository.linkedObjects(reportRef, refs));
        repository.insertLinks(reportRef, refs);
        counter.linked += refs.size();
    }

    /** One copy per id: a report may carry several versions of an object; the newest wins. */
    private static Map<String, IntelObject> newestCopies(List<IntelObject> batch, IngestCounter counter) {
        Map<String, IntelObject> newest = new LinkedHashMap<>();
        for (IntelObject o : batch) {
            IntelObject kept = newest.get(o.stixId());
            if (kept == null) {
                newest.put(o.stixId(), o);
                continue;
            }
            int order = IntelObject.compareVersions(o.versionUs(), kept.versionUs());
            if (order > 0) {
                newest.put(o.stixId(), o);
                counter.older++;
            } else if (order == 0) {
                counter.unchanged++;
            } else {
                counter.older++;
            }
        }
        return newest;
    }
}
