package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.intel.IntelLookupService;
import io.sightline.server.intel.IntelSighting;
import java.util.List;
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

    public List<IntelSighting> seenIn(ObservableRecord observable) {
        Attachment file = observable.attachment();
        if (file != null) return intel.seenInFile(file.sha256(), file.sha1(), file.md5());
        if (observable.data() == null) return List.of();
        return intel.seenInValue(observable.dataType(), observable.dataKey());
    }
}
