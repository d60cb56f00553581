package io.sightline.integrations.attack;

import io.sightline.stix.StixObjectReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads ATT&CK techniques from STIX: every {@code attack-pattern} with a {@code mitre-attack}
 * external id, except revoked and deprecated ones. When an id appears more than once (several
 * files, or versions), the most recently modified object wins.
 */
public final class AttackStix {
    /** Long enough for the first paragraph of most techniques, short enough to keep the catalogue small. */
    public static final int DESCRIPTION_LIMIT = 300;
    private static final Pattern CITATION = Pattern.compile("\\s*\\(Citation:[^)]*\\)");
    private static final Pattern TAGS = Pattern.compile("</?code>");

    private final Map<String, AttackTechnique> byId = new LinkedHashMap<>();
    private final Map<String, String> modified = new LinkedHashMap<>();

    /** Adds the techniques of one STIX document (bundle or array); the stream is closed. */
    public AttackStix read(InputStream in) {
        try (StixObjectReader objects = StixObjectReader.open(in)) {
            read(objects);
        }
        return this;
    }

    public AttackStix read(Iterator<ObjectNode> objects) {
        while (objects.hasNext()) add(objects.next());
        return this;
    }

    /** The techniques read so far, ordered by ATT&CK id (a technique before its sub-techniques). */
    public List<AttackTechnique> techniques() {
        List<AttackTechnique> out = new ArrayList<>(byId.values());
        out.sort((a, b) -> a.attackId().compareTo(b.attackId()));
        return out;
    }

    private void add(ObjectNode o) {
        if (!"attack-pattern".equals(o.path("type").asString(""))) return;
        String attackId = null;
        String url = null;
        for (JsonNode ref : o.path("external_references")) {
            if ("mitre-attack".equals(ref.path("source_name").asString(""))) {
                attackId = ref.path("external_id").asString(null);
                url = ref.path("url").asString(null);
            }
        }
        if (attackId == null || attackId.isBlank()) return;
        String when = o.path("modified").asString("");
        String known = modified.get(attackId);
        if (known != null && known.compareTo(when) > 0) return;
        modified.put(attackId, when);
        if (o.path("revoked").asBoolean(false) || o.path("x_mitre_deprecated").asBoolean(false)) {
            byId.remove(attackId);
            return;
        }
        List<String> tactics = new ArrayList<>();
        for (JsonNode phase : o.path("kill_chain_phases")) {
            if ("mitre-attack".equals(phase.path("kill_chain_name").asString(""))) {
                tactics.add(phase.path("phase_name").asString(""));
            }
        }
        int dot = attackId.indexOf('.');
        String parent = dot > 0 ? attackId.substring(0, dot) : null;
        byId.put(attackId, new AttackTechnique(attackId, o.path("name").asString(attackId), tactics, parent, url,
                shorten(o.path("description").asString(""), DESCRIPTION_LIMIT)));
    }

    /** The first paragraph without citations or markup, cut at a word with an ellipsis when longer than the limit. */
    public static String shorten(String description, int limit) {
        String text = description.strip();
        int paragraph = text.indexOf("\n\n");
        if (paragraph > 0) text = text.substring(0, paragraph);
        text = TAGS.matcher(CITATION.matcher(text).replaceAll("")).replaceAll("").replaceAll("\\s+", " ").strip();
        if (text.length() <= limit) return text;
        int cut = text.lastIndexOf(' ', limit - 1);
        return text.substring(0, cut > limit / 2 ? cut : limit - 1) + "…";
    }
}
