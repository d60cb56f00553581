package io.sightline.integrations.misp.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One MISP attribute, either directly in the event or inside an object.
 *
 * @param id             numeric id, null in feed exports
 * @param uuid           attribute uuid (stable identity)
 * @param eventId        numeric event id if the source carried it
 * @param type           MISP type, e.g. {@code ip-dst} or the composite {@code filename|md5}
 * @param category       MISP category, e.g. {@code Network activity}
 * @param value          the value; composite types carry {@code value1|value2}
 * @param toIds          the IDS flag (becomes the observable's ioc flag)
 * @param comment        free text, never null (empty when absent)
 * @param deleted        soft-deleted in MISP (also true when its object is deleted)
 * @param timestamp      last modification, epoch seconds
 * @param distribution   0..5, null if absent
 * @param tags           attribute tags
 * @param objectRelation relation name inside its object (e.g. {@code sha256}), null if none
 * @param object         the object this attribute belongs to, null for a plain attribute
 * @param hasData        whether the source carried the file content ({@code data}); the content
 *                       itself is not kept, fetch it with {@code io.sightline.integrations.misp.MispClient#downloadAttachment}
 */
public record MispAttribute(String id, String uuid, String eventId, String type, String category,
                            String value, boolean toIds, String comment, boolean deleted,
                            long timestamp, Integer distribution, List<MispTag> tags,
                            String objectRelation, MispObject object, boolean hasData) {

    public MispAttribute {
        Objects.requireNonNull(type, "type");
        value = value == null ? "" : value;
        comment = comment == null ? "" : comment;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** True for composite types such as {@code ip-dst|port}. */
    public boolean isComposite() {
        return type.indexOf('|') >= 0;
    }

    /** True for types whose value names a file whose content MISP stores. */
    public boolean isFile() {
        return "malware-sample".equals(type) || "attachment".equals(type);
    }

    /**
     * The file name of a {@code malware-sample} (whose value is {@code name|md5}) or
     * {@code attachment}; for other types the value up to the first {@code |}.
     */
    public String fileName() {
        int bar = value.indexOf('|');
        return bar < 0 ? value : value.substring(0, bar);
    }

    /** Type parts: {@code ["filename","md5"]} for {@code filename|md5}, else the single type. */
    public List<String> typeParts() {
        return List.of(type.split("\\|", -1));
    }

    /**
     * Value parts aligned with {@link #typeParts()}: the value is split on {@code |} into as many
     * parts as the type has, the last part keeping any further {@code |}.
     */
    public List<String> valueParts() {
        int parts = typeParts().size();
        String[] split = value.split("\\|", parts);
        if (split.length == parts) {
            return List.of(split);
        }
        String[] padded = Arrays.copyOf(split, parts);
        Arrays.fill(padded, split.length, parts, "");
        return List.of(padded);
    }

    /** Tag names in source order. */
    public List<String> tagNames() {
        // most attributes have no tag of their own: no stream for them (this runs per attribute)
        return tags.isEmpty() ? List.of() : tags.stream().map(MispTag::name).toList();
    }
}
