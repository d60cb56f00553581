package io.sightline.testkit.bench;

import io.sightline.stix.StixJson;
import io.sightline.stix.StixVersions;
import io.sightline.stix.observable.Observable;
import io.sightline.stix.observable.ObservableExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated intel store for {@link IntelLookupBench}: reports of 2,000 objects in ten dossiers,
 * a realistic mix of 30% indicators (one or two comparisons per pattern), 30% cyber-observables
 * (ipv4-addr, domain-name, url, file, email-addr), 25% relationships and 15% other SDOs; one object
 * in twenty also appears in a second report, one value in fifty comes from a pool of 1,000 values
 * seen again and again. Values are extracted with the stix module's {@link ObservableExtractor},
 * as the hub does. Rows go into the V5 tables with PostgreSQL COPY, 50,000 objects at a time.
 */
final class IntelBenchCorpus {
    static final int OBJECTS_PER_REPORT = 2_000;
    static final int DOSSIERS = 10;
    private static final int CHUNK = 50_000;
    private static final int HOT_VALUES = 1_000;
    private static final String[] TLDS = {"com", "net", "org", "ru", "info", "io", "biz"};
    private static final String[] WORDS = {"update", "secure", "login", "cdn", "mail", "files", "cloud", "sync", "portal",
            "static", "api", "docs", "shop", "news", "drive", "track", "auth", "img", "data", "web"};
    private static final String[] SDO_TYPES = {"malware", "attack-pattern", "threat-actor", "identity", "campaign", "tool"};

    /** A value the hub could look up: the data type and the normalised value. */
    record Value(String dataType, String data) {}

    private final int objects;
    private final Random random;
    private final List<Value> hot = new ArrayList<>();
    private final List<Value> sample = new ArrayList<>();
    private final int sampleSize;
    private long valuesSeen;
    private long valueRows;
    private long linkRows;
    private volatile long copyNanos;
    private final MessageDigest sha256;

    IntelBenchCorpus(int objects, long seed, int sampleSize) {
        this.objects = objects;
        this.random = new Random(seed);
        this.sampleSize = sampleSize;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < HOT_VALUES; i++) hot.add(freshValue());
    }

    int reports() {
        return Math.max(1, (objects + OBJECTS_PER_REPORT - 1) / OBJECTS_PER_REPORT);
    }

    /** A uniform sample of the stored values (reservoir sampling), for lookups that hit. */
    List<Value> storedSample() {
        return sample;
    }

    long valueRows() {
        return valueRows;
    }

    long linkRows() {
        return linkRows;
    }

    /** Time spent in COPY (overlapping generation). */
    double copySeconds() {
        return copyNanos / 1e9;
    }

    /**
     * Writes reports, objects, values and links. Generation runs in this thread while another one
     * feeds the previous chunk to COPY, so the two overlap.
     */
    void load(Connection connection) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long now = System.currentTimeMillis();
        StringBuilder reportRows = new StringBuilder();
        for (int r = 1; r <= reports(); r++) {
            row(reportRows, r, "stixify", "dossier-" + (r % DOSSIERS), "Dossier " + (r % DOSSIERS), "report--" + uuid(r),
                    "Generated report " + r, OBJECTS_PER_REPORT, now);
        }
        copy(copy, "intel_report (id, source, dossier_id, dossier_name, report_id, report_name, object_count, ingested_at)", bytes(reportRows));

        BlockingQueue<byte[][]> chunks = new ArrayBlockingQueue<>(1);
        ExecutorService copier = Executors.newSingleThreadExecutor();
        Future<?> copying = copier.submit(() -> {
            for (byte[][] chunk = chunks.take(); chunk.length > 0; chunk = chunks.take()) {
                copy(copy, "intel_object (id, stix_id, stix_type, name, description, created_at, modified_at, version_us, revoked,"
                        + " raw_json, raw_chars, stored_at)", chunk[0]);
                copy(copy, "intel_value (object_ref, data_type, data_key, data)", chunk[1]);
                copy(copy, "intel_object_report (object_ref, report_ref)", chunk[2]);
            }
            return null;
        });
        try {
            StringBuilder objectRows = new StringBuilder();
            StringBuilder valueRowsText = new StringBuilder();
            StringBuilder linkRowsText = new StringBuilder();
            for (int i = 1; i <= objects; i++) {
                generate(i, now, objectRows, valueRowsText, linkRowsText);
                if (i % CHUNK == 0 || i == objects) {
                    byte[][] chunk = {bytes(objectRows), bytes(valueRowsText), bytes(linkRowsText)};
                    while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                        if (copying.isDone()) copying.get(); // COPY failed: surface its error
                    }
                }
            }
            chunks.put(new byte[0][]);
            copying.get();
        } finally {
            copier.shutdownNow();
        }
        try (Statement s = connection.createStatement()) {
            // The rows were written with explicit ids: move the identity sequences past them.
            s.execute("SELECT setval(pg_get_serial_sequence('intel_object', 'id'), " + objects + ")");
            s.execute("SELECT setval(pg_get_serial_sequence('intel_report', 'id'), " + reports() + ")");
        }
    }

    private void generate(int i, long now, StringBuilder objectRows, StringBuilder valueRowsText, StringBuilder linkRowsText) {
        ObjectNode object = object(i);
        String raw = StixJson.mapper().writeValueAsString(object);
        Instant version = StixVersions.versionOf(object).orElse(null);
        row(objectRows, i, object.get("id").asString(), object.get("type").asString(), object.path("name").asString(null),
                object.path("description").asString(null), millis(object, "created"), millis(object, "modified"),
                version == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, version), "f", raw, raw.length(), now);
        Set<String> keys = new LinkedHashSet<>();
        for (Observable o : ObservableExtractor.extract(object)) {
            String key = sha256(o.value());
            if (!keys.add(o.dataType() + key)) continue;
            row(valueRowsText, i, o.dataType(), key, o.value());
            valueRows++;
            keep(new Value(o.dataType(), o.value()));
        }
        int report = (i - 1) / OBJECTS_PER_REPORT + 1;
        row(linkRowsText, i, report);
        linkRows++;
        if (i % 20 == 0 && reports() > 1) {
            row(linkRowsText, i, report % reports() + 1);
            linkRows++;
        }
    }

    private static byte[] bytes(StringBuilder rows) {
        byte[] out = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        return out;
    }

    /** A value that was never generated, of the same data types as the stored ones. */
    Value missingValue(int n) {
        return switch (n % 5) {
            case 0 -> new Value(Observable.IP, "172.16." + (n / 256 % 256) + "." + (n % 256));
            case 1 -> new Value(Observable.DOMAIN, "absent-" + n + ".invalid");
            case 2 -> new Value(Observable.URL, "https://absent.invalid/" + n);
            case 3 -> new Value(Observable.HASH, sha256("absent " + n));
            default -> new Value(Observable.MAIL, "nobody" + n + "@absent.invalid");
        };
    }

    private ObjectNode object(int i) {
        int kind = i % 20;
        String created = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(150_000_000)).toString();
        if (kind < 6) {
            ObjectNode indicator = sdo("indicator", i, created).put("pattern_type", "stix").put("valid_from", created);
            Value first = value();
            String pattern = comparison(first);
            if (random.nextInt(4) == 0) pattern += " OR " + comparison(value());
            return indicator.put("name", first.data()).put("pattern", pattern);
        }
        if (kind < 12) return sco(i, value());
        if (kind < 17) {
            return sdo("relationship", i, created).put("relationship_type", "indicates")
                    .put("source_ref", "indicator--" + uuid(i + 1)).put("target_ref", "malware--" + uuid(i + 2));
        }
        String type = SDO_TYPES[random.nextInt(SDO_TYPES.length)];
        return sdo(type, i, created).put("name", WORDS[random.nextInt(WORDS.length)] + " " + i)
                .put("description", "Generated " + type + " " + i + ": " + "activity observed in the wild. ".repeat(6));
    }

    private ObjectNode sdo(String type, int i, String created) {
        ObjectNode o = StixJson.mapper().createObjectNode().put("type", type).put("spec_version", "2.1").put("id", type + "--" + uuid(i))
                .put("created", created).put("modified", created).put("created_by_ref", "identity--" + uuid(0));
        o.putArray("object_marking_refs").add("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
        return o;
    }

    private ObjectNode sco(int i, Value v) {
        String type = switch (v.dataType()) {
            case Observable.IP -> "ipv4-addr";
            case Observable.DOMAIN -> "domain-name";
            case Observable.URL -> "url";
            case Observable.MAIL -> "email-addr";
            default -> "file";
        };
        ObjectNode o = StixJson.mapper().createObjectNode().put("type", type).put("spec_version", "2.1").put("id", type + "--" + uuid(i));
        if (type.equals("file")) o.putObject("hashes").put(v.data().length() == 64 ? "SHA-256" : "MD5", v.data());
        else o.put("value", v.data());
        return o;
    }

    private static String comparison(Value v) {
        String path = switch (v.dataType()) {
            case Observable.IP -> "ipv4-addr:value";
            case Observable.DOMAIN -> "domain-name:value";
            case Observable.URL -> "url:value";
            case Observable.MAIL -> "email-addr:value";
            default -> v.data().length() == 64 ? "file:hashes.'SHA-256'" : "file:hashes.MD5";
        };
        return "[" + path + " = '" + v.data() + "']";
    }

    private Value value() {
        return random.nextInt(50) == 0 ? hot.get(random.nextInt(hot.size())) : freshValue();
    }

    private Value freshValue() {
        String word = WORDS[random.nextInt(WORDS.length)] + "-" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
        String domain = word + "." + TLDS[random.nextInt(TLDS.length)];
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new Value(Observable.IP, (1 + random.nextInt(171)) + "." + random.nextInt(256) + "." + random.nextInt(256)
                    + "." + (1 + random.nextInt(254)));
            case 3, 4 -> new Value(Observable.DOMAIN, domain);
            case 5, 6 -> new Value(Observable.URL, "http://" + domain + "/" + WORDS[random.nextInt(WORDS.length)] + "/" + random.nextInt(100_000) + ".php");
            case 7, 8 -> {
                byte[] bytes = new byte[random.nextInt(3) == 0 ? 16 : 32];
                random.nextBytes(bytes);
                yield new Value(Observable.HASH, HexFormat.of().formatHex(bytes));
            }
            default -> new Value(Observable.MAIL, WORDS[random.nextInt(WORDS.length)] + random.nextInt(10_000) + "@" + domain);
        };
    }

    private void keep(Value v) {
        valuesSeen++;
        if (sample.size() < sampleSize) {
            sample.add(v);
        } else {
            long slot = (long) (random.nextDouble() * valuesSeen);
            if (slot < sampleSize) sample.set((int) slot, v);
        }
    }

    private static Long millis(ObjectNode o, String property) {
        return o.has(property) ? Instant.parse(o.get(property).asString()).toEpochMilli() : null;
    }

    private String sha256(String text) {
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static UUID uuid(long n) {
        return new UUID(0x1b4e_28ba_2fa1_41d2L, 0x883f_0000_0000_0000L | n);
    }

    private void copy(CopyManager copy, String target, byte[] rows) throws SQLException, IOException {
        if (rows.length == 0) return;
        long start = System.nanoTime();
        copy.copyIn("COPY " + target + " FROM STDIN", new ByteArrayInputStream(rows));
        copyNanos += System.nanoTime() - start;
    }

    /** One line of PostgreSQL's COPY text format. */
    private static void row(StringBuilder out, Object... columns) {
        CopyWriter.line(out, columns);
    }
}
