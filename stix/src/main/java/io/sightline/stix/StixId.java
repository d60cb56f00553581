package io.sightline.stix;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A STIX identifier {@code <type>--<uuid>}, validated as the STIX 2.1 schemas do: a lowercase
 * type of at least three characters (letters, digits, hyphens; not ending with a hyphen) and an
 * RFC 4122 UUID of version 1 to 5. The UUID is kept in lowercase canonical form.
 */
public record StixId(String type, UUID uuid) {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]+[a-z0-9]");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

    public StixId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uuid, "uuid");
        if (!TYPE.matcher(type).matches()) throw new StixFormatException("invalid STIX type '" + type + "'");
    }

    /**
     * Parses {@code type--uuid}.
     *
     * @throws StixFormatException naming the id and what is wrong with it
     */
    public static StixId parse(String id) {
        if (id == null) throw new StixFormatException("STIX id is missing");
        int separator = id.indexOf("--");
        if (separator < 0) throw new StixFormatException("invalid STIX id '" + id + "': no '--' between type and UUID");
        String type = id.substring(0, separator);
        String uuid = id.substring(separator + 2);
        if (!TYPE.matcher(type).matches()) {
            throw new StixFormatException("invalid STIX id '" + id + "': type '" + type
                    + "' must be lowercase letters, digits and hyphens, at least 3 characters");
        }
        if (!UUID_TEXT.matcher(uuid).matches()) {
            throw new StixFormatException("invalid STIX id '" + id + "': '" + uuid + "' is not an RFC 4122 UUID (version 1-5)");
        }
        return new StixId(type, UUID.fromString(uuid));
    }

    /** Whether {@code id} is a valid STIX identifier. */
    public static boolean isValid(String id) {
        try {
            parse(id);
            return true;
        } catch (StixFormatException e) {
            return false;
        }
    }

    /**
     * The type part of an id without validating it ({@code "x-mitre-asset"} for
     * {@code "x-mitre-asset--..."}), or null when there is no {@code --}. Used on references, which
     * real bundles sometimes fill with non-UUID values such as {@code identity--not-available}.
     */
    public static String typeOf(String id) {
        if (id == null) return null;
        int separator = id.indexOf("--");
        return separator < 0 ? null : id.substring(0, separator);
    }

    @Override
    public String toString() {
        return type + "--" + uuid.toString().toLowerCase(Locale.ROOT);
    }
}
