package io.sightline.testkit.stixify;

import io.sightline.stix.StixJson;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report of any size whose objects are computed from their position, so the emulator can serve
 * 100,000 objects without holding them. Layout: the author identity, the TLP:CLEAR marking, the
 * report (its {@code object_refs} list every other object), then triples of indicator
 * ({@code [ipv4-addr:value = '10.x.y.z']}), ipv4-addr and a {@code based-on} relationship between
 * them. With {@code customEvery > 0}, every n-th object after the report is instead an object of a
 * custom type OpenCTI does not import ({@code x-mitre-asset}).
 */
public final class GeneratedReportSource implements ReportSource {
    /** The TLP:CLEAR (TLP 2.0) marking of OpenCTI / Stixify content. */
    public static final String TLP_CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    private static final String CREATED = "2026-01-15T10:00:00.000Z";
    private static final int HEADER = 3;

    private final int size;
    private final int seed;
    private final int customEvery;

    /**
     * @param size total number of objects (at least 3)
     * @param seed distinguishes the ids of two generated reports
     * @param customEvery every n-th generated object is of an unsupported custom type; 0 for none
     */
    public GeneratedReportSource(int size, int seed, int customEvery) {
        if (size < HEADER) throw new IllegalArgumentException("a generated report needs at least 3 objects");
        this.size = size;
        this.seed = seed;
        this.customEvery = customEvery;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String reportObjectId() {
        return id("report", 2);
    }

    /** Number of objects of unsupported custom types in this report. */
    public int customObjectCount() {
        if (customEvery <= 0) return 0;
        return (size - HEADER) / customEvery;
    }

    @Override
    public Iterator<ObjectNode> objects(int from, int to) {
        int end = Math.min(to, size);
        return new Iterator<>() {
            private int next = Math.max(from, 0);

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public ObjectNode next() {
                if (!hasNext()) throw new NoSuchElementException();
                return object(next++);
            }
        };
    }

    /** The object at a position. */
    public ObjectNode object(int index) {
        if (index == 0) {
            return sdo("identity", 0).put("name", "txt2stix").put("identity_class", "system");
        }
        if (index == 1) {
            ObjectNode marking = StixJson.mapper().createObjectNode().put("type", "marking-definition").put("spec_version", "2.1")
                    .put("id", TLP_CLEAR).put("created", "2022-10-01T00:00:00.000Z").put("name", "TLP:CLEAR");
            marking.putObject("extensions").putObject("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d")
                    .put("extension_type", "property-extension").put("tlp_2_0", "clear");
            return marking;
        }
        if (index == 2) {
            ObjectNode report = sdo("report", 2).put("name", "Generated report " + seed + " (" + size + " objects)")
                    .put("published", CREATED);
            report.putArray("report_types").add("threat-report");
            ArrayNode refs = report.putArray("object_refs");
            for (int i = 0; i < size; i++) {
                if (i != 2) refs.add(idAt(i));
            }
            return report;
        }
        int position = index - HEADER;
        if (customEvery > 0 && (position + 1) % customEvery == 0) {
            return sdo("x-mitre-asset", index).put("name", "Asset " + index);
        }
        return switch (position % 3) {
            case 0 -> sdo("indicator", index).put("name", ip(index)).put("pattern_type", "stix")
                    .put("pattern", "[ipv4-addr:value = '" + ip(index) + "']").put("valid_from", CREATED);
            case 1 -> StixJson.mapper().createObjectNode().put("type", "ipv4-addr").put("spec_version", "2.1")
                    .put("id", idAt(index)).put("value", ip(index - 1));
            default -> {
                ObjectNode relationship = sdo("relationship", index).put("relationship_type", "based-on");
                // Point at the indicator and address of this triple when they are in the report.
                relationship.put("source_ref", idAt(index - 2)).put("target_ref", idAt(index - 1));
                yield relationship;
            }
        };
    }

    /** The id of the object at a position (without building it). */
    public String idAt(int index) {
        if (index == 0) return id("identity", 0);
        if (index == 1) return TLP_CLEAR;
        if (index == 2) return id("report", 2);
        int position = index - HEADER;
        if (customEvery > 0 && (position + 1) % customEvery == 0) return id("x-mitre-asset", index);
        return switch (position % 3) {
            case 0 -> id("indicator", index);
            case 1 -> id("ipv4-addr", index);
            default -> id("relationship", index);
        };
    }

    private ObjectNode sdo(String type, int index) {
        ObjectNode object = StixJson.mapper().createObjectNode().put("type", type).put("spec_version", "2.1")
                .put("id", id(type, index)).put("created", CREATED).put("modified", CREATED);
        if (index != 0) object.put("created_by_ref", id("identity", 0));
        object.putArray("object_marking_refs").add(TLP_CLEAR);
        return object;
    }

    private String id(String type, int index) {
        return type + "--" + new UUID(0x0000_0000_0000_4000L | ((seed & 0xffff_ffffL) << 32), 0x8000_0000_0000_0000L | index);
    }

    private static String ip(int index) {
        return "10." + ((index >> 16) & 255) + "." + ((index >> 8) & 255) + "." + (index & 255);
    }
}
