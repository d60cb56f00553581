package io.sightline.server.intel;

import io.sightline.server.auth.SecretHashing;
import io.sightline.server.observables.Attachment;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableTypes;
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

    /** Sightings of a case or alert observable: its value, or the hashes of its file. */
    public List<IntelSighting> seenIn(ObservableRecord observable) {
        Attachment file = observable.attachment();
        if (file != null) {
            Set<IntelSighting> found = new LinkedHashSet<>();
            for (String hash : new String[] {file.sha256(), file.sha1(), file.md5()}) {
                if (hash != null && found.size() < LIMIT) {
                    found.addAll(repository.seenIn(Observable.HASH, SecretHashing.sha256(hash.toLowerCase(Locale.ROOT)), LIMIT));
                }
            }
            return new ArrayList<>(found).subList(0, Math.min(found.size(), LIMIT));
        }
        if (observable.data() == null) return List.of();
        String intelType = IntelObjectParser.intelType(observable.dataType());
        return repository.seenIn(intelType, observable.dataKey(), LIMIT);
    }
}
