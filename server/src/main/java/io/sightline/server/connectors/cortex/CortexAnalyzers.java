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
 * Analyzers (and responders, which Cortex lists in the same shape) of every Cortex server the caller's organisation may use, merged by name as TheHive
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

    public List<OfferedAnalyzer> all(Principal p) {
        return merged(p, CortexClient::listAnalyzers);
    }

    public List<OfferedAnalyzer> forDataType(Principal p, String dataType) {
        return merged(p, client -> client.analyzersFor(dataType));
    }

    /** Responders accepting a data type such as {@code thehive:case}, merged by name like analyzers. */
    public List<OfferedAnalyzer> respondersFor(Principal p, String dataType) {
        return merged(p, client -> client.respondersFor(dataType));
    }

    /** A responder of one server by id or name among those accepting the data type; empty when it has none (or is unreachable). */
    Optional<CortexAnalyzer> responderOn(String server, String dataType, String idOrName) {
        try {
            return servers.client(server).respondersFor(dataType).stream()
                    .filter(r -> idOrName.equals(r.id()) || idOrName.equals(r.name())).findFirst();
        } catch (CortexException e) {
            log.warn("Cortex {}: could not list responders for {}: {}", server, dataType, e.getMessage());
            return Optional.empty();
        }
    }

    /** By Cortex id or by name, on any usable server. */
    public OfferedAnalyzer one(Principal p, String idOrName) {
        p.require(Permission.READ);
        Map<String, Merging> byName = new LinkedHashMap<>();
        for (CortexSettings.Server s : servers.usableBy(p.orgName())) {
            try {
                Optional<CortexAnalyzer> a = servers.client(s.name()).findAnalyzer(idOrName);
                a.ifPresent(found -> add(byName, found, s.name()));
            } catch (CortexException e) {
                log.warn("Cortex {}: could not look up analyzer {}: {}", s.name(), idOrName, e.getMessage());
            }
        }
        if (byName.isEmpty()) throw new NotFound("Analyzer " + idOrName + " not found");
        return byName.values().iterator().next().offered();
    }

    private List<OfferedAnalyzer> merged(Principal p, Function<CortexClient, List<CortexAnalyzer>> query) {
        p.require(Permission.READ);
        Map<String, Merging> byName = new LinkedHashMap<>();
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
        return byName.values().stream().map(Merging::offered).toList();
    }

    /** The first server's analyzer of a name, and every server having one of that name. */
    private record Merging(CortexAnalyzer first, List<String> servers) {
        OfferedAnalyzer offered() {
            return new OfferedAnalyzer(first.id(), first.name(), first.version(), first.description(), first.dataTypeList(),
                    first.effectiveMaxTlp(), first.effectiveMaxPap(), List.copyOf(servers));
        }
    }

    private static void add(Map<String, Merging> byName, CortexAnalyzer a, String server) {
        List<String> ids = byName.computeIfAbsent(a.name(), n -> new Merging(a, new ArrayList<>())).servers();
        if (!ids.contains(server)) ids.add(server);
    }
}
