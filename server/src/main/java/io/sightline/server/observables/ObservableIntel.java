package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.intel.IntelKey;
import io.sightline.server.intel.IntelLookupService;
import io.sightline.server.intel.IntelSighting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Seen in intel" for a case or alert observable: the hashes of its file, or else its value. The
 * observables ask the intel store; the intel store knows nothing of observables.
 */
@Component
public class ObservableIntel {
    private final IntelLookupService intel;

    public ObservableIntel(IntelLookupService intel) {
        this.intel = intel;
    }

    /** "Seen in intel" of a page of observables with one query, by observable id (as {@link #seenIn(ObservableRecord)} gives it). */
    public Map<Long, List<IntelSighting>> seenIn(List<ObservableRecord> observables) {
        Map<Long, List<IntelKey>> keys = new LinkedHashMap<>();
        for (ObservableRecord o : observables) {
            Attachment file = o.attachment();
            if (file != null) keys.put(o.id(), IntelLookupService.fileKeys(file.sha256(), file.sha1(), file.md5()));
            else keys.put(o.id(), o.data() == null ? List.of() : List.of(IntelLookupService.valueKey(o.dataType(), o.dataKey())));
        }
        return intel.seenInAll(keys);
    }

    public List<IntelSighting> seenIn(ObservableRecord observable) {
        Attachment file = observable.attachment();
        if (file != null) return intel.seenInFile(file.sha256(), file.sha1(), file.md5());
        if (observable.data() == null) return List.of();
        return intel.seenInValue(observable.dataType(), observable.dataKey());
    }
}
