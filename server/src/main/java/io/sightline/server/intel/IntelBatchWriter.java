package io.sightline.server.intel;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of a report's objects with a fixed number of statements, whatever the batch
 * size: one SELECT of the stored versions, one INSERT / UPDATE of objects and values, one SELECT
 * of the report's existing links and one INSERT of the missing ones (on PostgreSQL each is a
 * single statement over arrays, elsewhere a JDBC batch; see {@link IntelRows}).
 */
@Component
class IntelBatchWriter {
    private final IntelRows rows;

    IntelBatchWriter(DataSource dataSource, JdbcClient jdbc, JdbcTemplate template) {
        this.rows = postgres(dataSource) ? new PostgresIntelRows(template) : new PortableIntelRows(jdbc, template);
    }

    /** Prepares the current transaction for a report's batches. */
    void beginReport() {
        rows.beginReport();
    }

    void write(long reportRef, List<IntelObject> batch, IngestCounter counter, long now) {
        if (batch.isEmpty()) return;
        Map<String, IntelObject> newest = newestCopies(batch, counter);
        Map<String, IntelRows.Stored> stored = rows.findByStixIds(newest.keySet());

        List<IntelObject> inserts = new ArrayList<>();
        for (IntelObject o : newest.values()) {
            if (!stored.containsKey(o.stixId())) inserts.add(o);
        }
        Map<String, Long> inserted = rows.insertObjects(inserts, now);
        counter.inserted += inserted.size();
        if (inserted.size() < inserts.size()) {
            // Another hub stored some of them since the lookup: they are compared with its version like any stored object.
            stored.putAll(rows.findByStixIds(inserts.stream().map(IntelObject::stixId).filter(id -> !inserted.containsKey(id)).toList()));
        }

        Map<String, Long> ids = new LinkedHashMap<>(inserted);
        List<IntelObject> written = new ArrayList<>(inserts.size());
        List<IntelObject> updates = new ArrayList<>();
        List<Long> updateIds = new ArrayList<>();
        for (IntelObject o : newest.values()) {
            if (inserted.containsKey(o.stixId())) {
                written.add(o);
                continue;
            }
            IntelRows.Stored current = stored.get(o.stixId());
            if (current == null) throw new IllegalStateException("intel object " + o.stixId() + " was neither inserted nor found");
            ids.put(o.stixId(), current.id());
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

        Set<Long> replaced = rows.updateObjects(updateIds, updates, now);
        for (int i = 0; i < updates.size(); i++) {
            if (replaced.contains(updateIds.get(i))) {
                counter.updated++;
                written.add(updates.get(i));
            } else {
                counter.older++; // a newer version was stored meanwhile
            }
        }
        rows.deleteValues(replaced);
        List<IntelRows.ValueRow> valueRows = new ArrayList<>();
        for (IntelObject o : written) {
            long ref = ids.get(o.stixId());
            for (IntelValue v : o.values()) valueRows.add(new IntelRows.ValueRow(ref, v));
        }
        rows.insertValues(valueRows);
        counter.valuesStored += valueRows.size();

        Set<Long> refs = new LinkedHashSet<>(ids.values());
        refs.removeAll(rows.linkedObjects(reportRef, refs));
        rows.insertLinks(reportRef, refs);
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

    private static boolean postgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the intel store", e);
        }
    }
}
