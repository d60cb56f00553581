package io.sightline.server.intel;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.common.ObservableTypes;
import io.sightline.stix.observable.Observable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * "Seen in intel": the reports and dossiers of the intel store whose objects carry an observable's
 * value. One indexed lookup on (data_key, data_type) per value, or one query for a page of them.
 */
@Service
public class IntelLookupService {
    /** Sightings returned for one value, newest objects first. */
    public static final int LIMIT = 100;

    private final IntelRepository repository;
    private final IntelObjectParser parser;
    private final ObservableTypes types;

    public IntelLookupService(IntelRepository repository, IntelObjectParser parser, ObservableTypes types) {
        this.repository = repository;
        this.parser = parser;
        this.types = types;
    }

    /**
     * Looks up a value given by a user.
     *
     * @throws io.sightline.server.core.Invalid for an unknown data type or a value the type rejects
     */
    public List<IntelSighting> lookup(String dataType, String value) {
        types.requireKnown(dataType);
        IntelValue key = parser.normalise(dataType, value);
        return repository.seenIn(key.dataType(), key.dataKey(), LIMIT);
    }

    /** Sightings of a file by any of its hashes (null ones skipped), in the order given. */
    public List<IntelSighting> seenInFile(String... hashes) {
        Set<IntelSighting> found = new LinkedHashSet<>();
        for (IntelKey key : fileKeys(hashes)) {
            if (found.size() < LIMIT) found.addAll(repository.seenIn(key.dataType(), key.dataKey(), LIMIT));
        }
        return firstRows(found);
    }

    /** Sightings of a value already normalised and keyed as a case or alert observable stores it. */
    public List<IntelSighting> seenInValue(String observableDataType, String dataKey) {
        IntelKey key = valueKey(observableDataType, dataKey);
        return repository.seenIn(key.dataType(), key.dataKey(), LIMIT);
    }

    /**
     * {@link #seenInFile} or {@link #seenInValue} of many records with one query (a page of an
     * observables table): each record's keys ({@link #fileKeys} or {@link #valueKey}) give the same
     * answer as the single lookup (an empty list for a record seen nowhere).
     */
    public <K> Map<K, List<IntelSighting>> seenInAll(Map<K, List<IntelKey>> keysByRecord) {
        Set<IntelKey> all = new LinkedHashSet<>();
        keysByRecord.values().forEach(all::addAll);
        Map<IntelKey, List<IntelSighting>> byKey = repository.seenInAll(all, LIMIT);
        Map<K, List<IntelSighting>> out = new LinkedHashMap<>();
        keysByRecord.forEach((record, keys) -> {
            Set<IntelSighting> found = new LinkedHashSet<>();
            for (IntelKey key : keys) {
                if (found.size() < LIMIT) found.addAll(byKey.getOrDefault(key, List.of()));
            }
            out.put(record, firstRows(found));
        });
        return out;
    }

    /** The keys of a file: each of its hashes (null ones skipped) in the order given. */
    public static List<IntelKey> fileKeys(String... hashes) {
        List<IntelKey> keys = new ArrayList<>();
        for (String hash : hashes) {
            if (hash != null) keys.add(new IntelKey(Observable.HASH, SecretHashing.sha256(hash.toLowerCase(Locale.ROOT))));
        }
        return keys;
    }

    /** The key of a value normalised and keyed as a case or alert observable stores it. */
    public static IntelKey valueKey(String observableDataType, String dataKey) {
        return new IntelKey(IntelObjectParser.intelType(observableDataType), dataKey);
    }

    private static List<IntelSighting> firstRows(Set<IntelSighting> found) {
        return new ArrayList<>(found).subList(0, Math.min(found.size(), LIMIT));
    }
}
