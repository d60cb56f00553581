package io.sightline.server.observables;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.common.Pap;
import io.sightline.server.common.TagRepository;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.Text;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link NewObservable} into drafts, one per value (or one for the uploaded file),
 * checking the rules shared by the REST API, the web UI and alert creation: a configured data
 * type, text sizes, a file only for the file type. Each value's own check comes when it is added.
 */
@Component
public class ObservableDrafts {
    static final int MAX_VALUES = 10_000;
    /** The size of the data column: longer values are refused before the database sees them. */
    static final int MAX_DATA_CHARS = 65_536;

    private final ObservableTypes types;

    public ObservableDrafts(ObservableTypes types) {
        this.types = types;
    }

    /** One draft per value; invalid values raise an error naming the value. */
    public List<ObservableDraft> of(NewObservable n, Attachment file) {
        String dataType = types.requireKnown(Text.required("dataType", "observable", n.dataType(), 64));
        String message = Text.storable("message", "observable", n.message(), 1_000_000);
        int tlp = (n.tlp() != null ? n.tlp() : Tlp.AMBER).value();
        int pap = (n.pap() != null ? n.pap() : Pap.AMBER).value();
        boolean ioc = Boolean.TRUE.equals(n.ioc());
        boolean sighted = Boolean.TRUE.equals(n.sighted());
        boolean ignoreSimilarity = Boolean.TRUE.equals(n.ignoreSimilarity());
        List<String> tags = n.tags() == null ? List.of()
                : TagRepository.clean(Text.storable("tags", "observable", n.tags(), 500, 512));

        if ("file".equals(dataType)) {
            if (file == null) throw new Invalid("A file observable needs a multipart upload with the file in part 'attachment'");
            return List.of(new ObservableDraft(dataType, null, file, message, tlp, pap, ioc, sighted, ignoreSimilarity,
                    n.startDate(), tags));
        }
        if (file != null) throw new Invalid("Only observables of dataType file take an uploaded file, not " + dataType);
        List<String> values = values(n.data());
        List<ObservableDraft> drafts = new ArrayList<>(values.size());
        for (String v : values) {
            drafts.add(new ObservableDraft(dataType, v, null, message, tlp, pap, ioc, sighted, ignoreSimilarity,
                    n.startDate(), tags));
        }
        return drafts;
    }

    private static List<String> values(List<String> data) {
        if (data == null) throw new Invalid("Field data of observable is required");
        if (data.isEmpty()) throw new Invalid("Field data of observable must not be an empty list");
        if (data.size() > MAX_VALUES) throw new Invalid("At most " + MAX_VALUES + " values per request");
        for (String v : data) Text.storable("data", "observable", v, MAX_DATA_CHARS);
        return data;
    }
}
