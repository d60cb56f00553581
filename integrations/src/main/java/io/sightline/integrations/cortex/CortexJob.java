package io.sightline.integrations.cortex;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A Cortex job (without its report). Dates are epoch milliseconds. */
public record CortexJob(
        String id,
        String workerId,
        String workerName,
        String workerDefinitionId,
        String analyzerId,
        String analyzerName,
        String organization,
        String type,
        JobState status,
        String dataType,
        String data,
        Attachment attachment,
        Integer tlp,
        Integer pap,
        String message,
        JsonNode parameters,
        String label,
        Boolean fromCache,
        String cacheTag,
        String errorMessage,
        Long date,
        Long startDate,
        Long endDate,
        Long createdAt,
        String createdBy,
        Long updatedAt) {

    /** The analyzer name, whichever of the two fields this Cortex version fills. */
    public String analyzer() {
        return workerName != null && !workerName.isEmpty() ? workerName : analyzerName;
    }

    public boolean isFromCache() {
        return Boolean.TRUE.equals(fromCache);
    }

    /** The file a file job ran on. */
    public record Attachment(String id, String name, String contentType, Long size, List<String> hashes) {
    }
}
