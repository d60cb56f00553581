package io.sightline.server.connectors.cortex;

import java.util.List;

/**
 * An analyzer as the hub offers it: the analyzers of the same name on every Cortex server the
 * caller may use, merged as TheHive does, the first server's description of it kept.
 *
 * @param cortexIds the servers that have it, in configuration order
 */
public record OfferedAnalyzer(String id, String name, String version, String description, List<String> dataTypeList,
                              int maxTlp, int maxPap, List<String> cortexIds) {}
