package io.sightline.server.intel;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.NotFound;
import io.sightline.stix.StixId;
import io.sightline.stix.StixJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Read-only routes of the intel store; any user with READ may use them (intel is global). */
@RestController
public class IntelController {
    private final IntelLookupService lookup;
    private final IntelRepository repository;

    public IntelController(IntelLookupService lookup, IntelRepository repository) {
        this.lookup = lookup;
        this.repository = repository;
    }

    @GetMapping("/api/v1/intel/lookup")
    public Map<String, Object> lookup(@RequestParam(required = false) String dataType, @RequestParam(required = false) String value) {
        CurrentPrincipal.require(Permission.READ);
        if (dataType == null || dataType.isBlank()) throw new Malformed("Query parameter 'dataType' is required");
        if (value == null) throw new Malformed("Query parameter 'value' is required");
        var sightings = lookup.lookup(dataType.trim(), value);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataType", dataType.trim());
        out.put("count", sightings.size());
        out.put("seenInIntel", IntelView.sightings(sightings));
        return out;
    }

    /**
     * The stored STIX object as received. An object larger than {@code sightline.intel.max-raw-chars}
     * was stored without its JSON: the answer then holds its identity, dates and name, and
     * {@code x_sightline_omitted_chars} with the size of what was left out.
     */
    @GetMapping(value = "/api/v1/intel/object/{stixId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> object(@PathVariable String stixId) {
        CurrentPrincipal.require(Permission.READ);
        if (!StixId.isValid(stixId)) throw new Malformed("'" + abbreviate(stixId) + "' is not a STIX id (type--uuid)");
        var stored = repository.findObject(StixId.parse(stixId).toString())
                .orElseThrow(() -> new NotFound("STIX object " + stixId + " is not in the intel store"));
        if (stored.rawJson() != null) return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stored.rawJson());
        ObjectNode summary = StixJson.mapper().createObjectNode().put("type", stored.type()).put("id", stored.stixId());
        if (stored.createdAt() != null) summary.put("created", java.time.Instant.ofEpochMilli(stored.createdAt()).toString());
        if (stored.modifiedAt() != null) summary.put("modified", java.time.Instant.ofEpochMilli(stored.modifiedAt()).toString());
        if (stored.name() != null) summary.put("name", stored.name());
        if (stored.revoked()) summary.put("revoked", true);
        summary.put("x_sightline_omitted_chars", stored.rawChars());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary.toString());
    }

    @GetMapping("/api/v1/intel/stats")
    public IntelRepository.Stats stats() {
        CurrentPrincipal.require(Permission.READ);
        return repository.stats();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
