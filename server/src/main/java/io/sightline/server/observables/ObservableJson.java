package io.sightline.server.observables;

import io.sightline.server.api.JsonInput;
import io.sightline.server.api.Unsupported;
import io.sightline.server.common.BulkIds;
import io.sightline.server.common.Change;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TheHive's observable JSON (InputObservable, InputUpdateObservable) read into commands: unknown
 * fields and ill-typed values are refused; {@code data} may be one value or a list.
 */
public final class ObservableJson {
    static final Set<String> FIELDS = Set.of("dataType", "data", "message", "startDate", "tlp", "pap", "tags", "ioc",
            "sighted", "sightedAt", "ignoreSimilarity", "isZip", "zipPassword", "attachment");
    private static final Set<String> UPDATE_FIELDS = Set.of("dataType", "message", "tlp", "pap", "tags", "ioc", "sighted",
            "sightedAt", "ignoreSimilarity", "startDate");

    private static final Set<String> BULK_UPDATE_FIELDS = withIds(UPDATE_FIELDS);

    private ObservableJson() {}

    private static Set<String> withIds(Set<String> fields) {
        Set<String> all = new HashSet<>(fields);
        all.add("ids");
        return Set.copyOf(all);
    }

    /** Also reads the observables inlined in a new alert. */
    public static NewObservable newObservable(JsonNode body) {
        JsonInput in = JsonInput.of(body, "observable", FIELDS);
        Unsupported.rejectNonEmpty(in, "observable", "isZip", "zipPassword");
        String dataType = in.text("dataType").orElse(null);
        String message = in.text("message").orElse(null);
        Tlp tlp = in.level("tlp", Tlp::of, Tlp::parse, "a TLP number or name").orElse(null);
        Pap pap = in.level("pap", Pap::of, Pap::parse, "a PAP number or name").orElse(null);
        Boolean ioc = in.bool("ioc").orElse(null);
        Boolean sighted = in.bool("sighted").orElse(null);
        Boolean ignoreSimilarity = in.bool("ignoreSimilarity").orElse(null);
        Long startDate = in.epochMillis("startDate").orElse(null);
        in.epochMillis("sightedAt"); // accepted, checked, not kept
        List<String> tags = in.texts("tags").orElse(null);
        String attachment = in.text("attachment").orElse(null); // a part's name, used by alerts created with files
        return new NewObservable(dataType, data(in), message, tlp, pap, ioc, sighted, ignoreSimilarity, startDate, tags,
                attachment);
    }

    static ObservableChanges changes(JsonNode body) {
        return changes(JsonInput.of(body, "observable", UPDATE_FIELDS));
    }

    /** The {@code ids} of a bulk PATCH ({@code InputBulkUpdateObservable}). */
    static BulkIds bulkIds(JsonNode body) {
        JsonInput in = JsonInput.of(body, "observable", BULK_UPDATE_FIELDS);
        return new BulkIds("observable", in.strings("ids", BulkIds.MAX, 64).orElseThrow(() -> in.missing("ids")));
    }

    /** The changes of a bulk PATCH, its {@code ids} aside. */
    static ObservableChanges bulkChanges(JsonNode body) {
        return changes(JsonInput.of(body, "observable", BULK_UPDATE_FIELDS));
    }

    private static ObservableChanges changes(JsonInput in) {
        String dataType = in.text("dataType").orElse(null);
        Change<String> message = Change.of(in.has("message"), in.text("message"));
        Tlp tlp = in.level("tlp", Tlp::of, Tlp::parse, "a TLP number or name").orElse(null);
        Pap pap = in.level("pap", Pap::of, Pap::parse, "a PAP number or name").orElse(null);
        Boolean ioc = in.bool("ioc").orElse(null);
        Boolean sighted = in.bool("sighted").orElse(null);
        Boolean ignoreSimilarity = in.bool("ignoreSimilarity").orElse(null);
        Long startDate = in.epochMillis("startDate").orElse(null);
        List<String> tags = in.texts("tags").orElse(null);
        in.epochMillis("sightedAt");
        return new ObservableChanges(message, tlp, pap, ioc, sighted, ignoreSimilarity, startDate, tags, dataType);
    }

    /** The values: one string or a list of strings; {@code null} when absent. */
    private static List<String> data(JsonInput in) {
        JsonNode data = in.raw("data");
        if (data == null || data.isNull()) return null;
        if (data.isString()) return List.of(data.stringValue());
        if (!data.isArray()) throw in.typeError("data", "a string or a list of strings");
        List<String> out = new ArrayList<>(data.size());
        for (JsonNode v : data) {
            if (!v.isString()) throw in.typeError("data", "a string or a list of strings");
            out.add(v.stringValue());
        }
        return out;
    }
}
