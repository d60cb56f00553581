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

        if (types.isAttachment(dataType)) {
            if (file == null) throw new Invalid("A " + dataType + " observable needs a multipart upload with the file in part 'attachment'");
            return List.of(new ObservableDraft(dataType, null, file, message, tlp, pap, ioc, sighted, ignoreSimilarity,
                    n.startDate(), tags));
        }
        if (file != null) throw new Invalid("Only observables of a file type (such as file) take an uploaded file, not " + dataType);
        List<String> values = values(n.data());
        List<ObservableDraft> drafts = new ArrayList<>(values.size());
        for (String v : values) {
            drafts.add(new ObservableDraft(dataType, v, null, message, tlp, pap, ioc, sighted, ignoreSimilarity,
                    n.startDate(), tags));
        }
        return drafts;
    }

    /**
     * Every rule the new observables break, each at its field and value, in the words of
     * {@link #of}'s refusals and of the checks made when each value is added (its form for the
     * type, the same value twice): nothing is refused later for a reason not listed here, but the
     * value the case or alert already holds, which is merged.
     */
    public List<DraftProblem> problems(NewObservable n, boolean hasFile) {
        List<DraftProblem> out = new ArrayList<>();
        String dataType = check(out, "dataType", -1, () -> types.requireKnown(Text.required("dataType", "observable", n.dataType(), 64)));
        check(out, "message", -1, () -> Text.storable("message", "observable", n.message(), 1_000_000));
        check(out, "tags", -1, () -> n.tags() == null ? null : Text.storable("tags", "observable", n.tags(), 500, 512));
        if (dataType == null) return out;
        if (types.isAttachment(dataType)) {
            if (!hasFile) out.add(new DraftProblem("attachment", -1, "Choose a file to upload for an observable of type " + dataType));
            return out;
        }
        if (hasFile) out.add(new DraftProblem("attachment", -1, "Only observables of a file type (such as file) take an uploaded file, not " + dataType));
        if (n.data() == null || n.data().isEmpty()) {
            out.add(new DraftProblem("data", -1, "Enter a value (or several, one per line)"));
            return out;
        }
        if (n.data().size() > MAX_VALUES) {
            out.add(new DraftProblem("data", -1, "At most " + MAX_VALUES + " values per request"));
            return out;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n.data().size(); i++) {
            String raw = n.data().get(i);
            String value = check(out, "data", i, () -> types.normalise(dataType, Text.storable("data", "observable", raw, MAX_DATA_CHARS)));
            if (value == null) continue;
            if (!seen.add(value)) out.add(new DraftProblem("data", i, "The same " + dataType + " as an earlier value: " + value));
        }
        return out;
    }

    private static <T> T check(List<DraftProblem> out, String field, int value, java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (Invalid e) {
            out.add(new DraftProblem(field, value, e.getMessage()));
            return null;
        }
    }

    private static List<String> values(List<String> data) {
        if (data == null) throw new Invalid("Field data of observable is required");
        if (data.isEmpty()) throw new Invalid("Field data of observable must not be an empty list");
        if (data.size() > MAX_VALUES) throw new Invalid("At most " + MAX_VALUES + " values per request");
        for (String v : data) Text.storable("data", "observable", v, MAX_DATA_CHARS);
        return data;
    }
}
