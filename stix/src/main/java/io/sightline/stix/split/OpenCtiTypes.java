package io.sightline.stix.split;

import io.sightline.stix.StixId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The STIX types OpenCTI can import, loaded from {@code opencti-supported-types.txt} (a data file,
 * so the list can follow OpenCTI releases without code changes).
 */
public final class OpenCtiTypes {
    private static final Set<String> SUPPORTED = load();

    private OpenCtiTypes() {}

    /** Whether OpenCTI imports objects of this STIX type. */
    public static boolean isSupported(String type) {
        return type != null && SUPPORTED.contains(type);
    }

    /**
     * Whether a reference may point at something OpenCTI imports: true for ids of supported types,
     * and (as pycti does) for values that are not STIX ids at all, which are left alone.
     */
    public static boolean isSupportedRef(String ref) {
        String type = StixId.typeOf(ref);
        return type == null || SUPPORTED.contains(type);
    }

    /** All supported types. */
    public static Set<String> all() {
        return Set.copyOf(SUPPORTED);
    }

    private static Set<String> load() {
        Set<String> types = new HashSet<>();
        try (InputStream in = OpenCtiTypes.class.getResourceAsStream("/io/sightline/stix/opencti-supported-types.txt")) {
            if (in == null) throw new IllegalStateException("opencti-supported-types.txt missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String type = line.strip();
                if (!type.isEmpty() && !type.startsWith("#")) types.add(type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(types);
    }
}
