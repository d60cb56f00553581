package io.sightline.server.intel;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.common.ObservableTypes;
import io.sightline.stix.observable.Observable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * "Seen in intel": the reports and dossiers of the intel store whose objects carry an observable's
 * value. One indexed lookup on (data_key, data_type) per value.
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
        for (String hash : hashes) {
            if (hash != null && found.size() < LIMIT) {
                found.addAll(repository.seenIn(Observable.HASH, SecretHashing.sha256(hash.toLowerCase(Locale.ROOT)), LIMIT));
            }
        }
        return new ArrayList<>(found).subList(0, Math.min(found.size(), LIMIT));
    }

    /** Sightings of a value already normalised and keyed as a case or alert observable stores it. */
    public List<IntelSighting> seenInValue(String observableDataType, String dataKey) {
        return repository.seenIn(IntelObjectParser.intelType(observableDataType), dataKey, LIMIT);
    }
}
