package io.sightline.integrations.cortex;

import java.util.List;

/**
 * An analyzer (Cortex "worker") as Cortex lists it. The id is specific to one Cortex
 * organisation; the name (e.g. {@code VirusTotal_GetReport_3_1}) is stable across servers.
 */
public record CortexAnalyzer(
        String id,
        String name,
        String version,
        String description,
        List<String> dataTypeList,
        Integer maxTlp,
        Integer maxPap,
        String workerDefinitionId,
        String author,
        String url,
        String license,
        Integer rate,
        String rateUnit,
        Integer jobCache,
        Integer jobTimeout,
        Long createdAt) {

    /** TheHive's default when Cortex does not say. */
    public static final int DEFAULT_MAX_LEVEL = 3;

    public CortexAnalyzer {
        dataTypeList = dataTypeList == null ? List.of() : List.copyOf(dataTypeList);
    }

    public boolean supports(String dataType) {
        return dataTypeList.contains(dataType);
    }

    public int effectiveMaxTlp() {
        return maxTlp == null ? DEFAULT_MAX_LEVEL : maxTlp;
    }

    public int effectiveMaxPap() {
        return maxPap == null ? DEFAULT_MAX_LEVEL : maxPap;
    }
}
