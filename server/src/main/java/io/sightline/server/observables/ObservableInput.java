package io.sightline.server.observables;

import io.sightline.server.api.JsonInput;
import io.sightline.server.attachments.Attachment;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.common.Pap;
import io.sightline.server.common.TagRepository;
import io.sightline.server.common.Tlp;
import io.sightline.server.common.Unsupported;
import io.sightline.server.core.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads TheHive's InputObservable: {@code data} may be one value or a list (one observable each). */
@Component
public class ObservableInput {
    static final Set<String> FIELDS = Set.of("dataType", "data", "message", "startDate", "tlp", "pap", "tags", "ioc",
            "sighted", "sightedAt", "ignoreSimilarity", "isZip", "zipPassword", "attachment");
    static final int MAX_VALUES = 10_000;

    private final ObservableTypes types;

    public ObservableInput(ObservableTypes types) {
        this.types = types;
    }

    /** One draft per value; invalid values raise an error naming the value. */
    public List<ObservableDraft> read(JsonNode body, Attachment file) {
        JsonInput in = JsonInput.of(body, "observable", FIELDS);
        Unsupported.rejectNonEmpty(in, "observable", "isZip", "zipPassword");
        String dataType = types.requireKnown(in.requiredString("dataType", 64));
        String message = in.string("message", 1_000_000).orElse(null);
        int tlp = in.hasValue("tlp") ? Tlp.fromJson(in.raw("tlp"), "tlp") : Tlp.AMBER.value();
        int pap = in.hasValue("pap") ? Pap.fromJson(in.raw("pap"), "pap") : Pap.AMBER.value();
        boolean ioc = in.bool("ioc").orElse(false);
        boolean sighted = in.bool("sighted").orElse(false);
        boolean ignoreSimilarity = in.bool("ignoreSimilarity").orElse(false);
        Long startDate = in.epochMillis("startDate").orElse(null);
        in.epochMillis("sightedAt");
        List<String> tags = in.strings("tags", 500, 512).map(TagRepository::clean).orElse(List.of());

        if (types.isAttachment(dataType)) {
            if (file == null) throw new Invalid("A " + dataType + " observable needs a multipart upload with the file in part 'attachment'");
            return List.of(new ObservableDraft(dataType, null, file, message, tlp, pap, ioc, sighted, ignoreSimilarity, startDate, tags));
        }
        if (file != null) throw new Invalid("Only observables of a file type (such as file) take an uploaded file, not " + dataType);
        List<String> values = values(in);
        List<ObservableDraft> drafts = new ArrayList<>(values.size());
        for (String v : values) {
            drafts.add(new ObservableDraft(dataType, v, null, message, tlp, pap, ioc, sighted, ignoreSimilarity, startDate, tags));
        }
        return drafts;
    }

    /** The size of the data column: longer values are refused before the database sees them. */
    static final int MAX_DATA_CHARS = 65_536;

    private static List<String> values(JsonInput in) {
        JsonNode data = in.raw("data");
        if (data == null || data.isNull()) throw in.missing("data");
        if (data.isString()) return List.of(JsonInput.storable("data", "observable", data.stringValue(), MAX_DATA_CHARS));
        if (data.isArray()) {
            if (data.isEmpty()) throw new Invalid("Field data of observable must not be an empty list");
            if (data.size() > MAX_VALUES) throw new Invalid("At most " + MAX_VALUES + " values per request");
            List<String> out = new ArrayList<>();
            for (JsonNode v : data) {
                if (!v.isString()) throw in.typeError("data", "a string or a list of strings");
                out.add(JsonInput.storable("data", "observable", v.stringValue(), MAX_DATA_CHARS));
            }
            return out;
        }
        throw in.typeError("data", "a string or a list of strings");
    }
}
