package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexAnalyzer;
import io.sightline.integrations.cortex.CortexClient;
import io.sightline.integrations.cortex.CortexException;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.core.NotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Analyzers of every Cortex server the caller's organisation may use, merged by name as TheHive
 * does ({@code [{id, name, version, description, dataTypeList, cortexIds}]}). Each server is
 * asked with {@code range=all} (Cortex answers 10 otherwise); a failing server contributes
 * nothing and is logged, the others still answer.
 */
@Service
public class CortexAnalyzers {
    private static final Logger log = LoggerFactory.getLogger(CortexAnalyzers.class);

    private final CortexServers servers;

    CortexAnalyzers(CortexServers servers) {
        this.servers = servers;
    }

    public List<Map<String, Object>> all(Principal p) {
        return merged(p, CortexClient::listAnalyzers);
    }

    public List<Map<String, Object>> forDataType(Principal p, String dataType) {
        return merged(p, client -> client.analyzersFor(dataType));
    }

    /** By Cortex id or by name, on any usable server. */
    public Map<String, Object> one(Principal p, String idOrName) {
        p.require(Permission.READ);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (CortexSettings.Server s : servers.usableBy(p.orgName())) {
            try {
                Optional<CortexAnalyzer> a = servers.client(s.name()).findAnalyzer(idOrName);
                a.ifPresent(found -> add(byName, found, s.name()));
            } catch (CortexException e) {
                log.warn("Cortex {}: could not look up analyzer {}: {}", s.name(), idOrName, e.getMessage());
            }
        }
        if (byName.isEmpty()) throw new NotFound("Analyzer " + idOrName + " not found");
        return byName.values().iterator().next();
    }

    private List<Map<String, Object>> merged(Principal p, Function<CortexClient, List<CortexAnalyzer>> query) {
        p.require(Permission.READ);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (CortexSettings.Server s : servers.usableBy(p.orgName())) {
            List<CortexAnalyzer> list;
            try {
                list = query.apply(servers.client(s.name()));
            } catch (CortexException e) {
                log.warn("Cortex {} left out of the analyzer list: {}", s.name(), e.getMessage());
                continue;
            }
            for (CortexAnalyzer a : list) add(byName, a, s.name());
        }
        return new ArrayList<>(byName.values());
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Map<String, Object>> byName, CortexAnalyzer a, String server) {
        Map<String, Object> entry = byName.computeIfAbsent(a.name(), n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("name", a.name());
            m.put("version", a.version());
            m.put("description", a.description());
            m.put("dataTypeList", a.dataTypeList());
            m.put("maxTlp", a.effectiveMaxTlp());
            m.put("maxPap", a.effectiveMaxPap());
            m.put("cortexIds", new ArrayList<String>());
            return m;
        });
        List<String> ids = (List<String>) entry.get("cortexIds");
        if (!ids.contains(server)) ids.add(server);
    }
}
