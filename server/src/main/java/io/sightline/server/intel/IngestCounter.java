package io.sightline.server.intel;

import java.util.ArrayList;
import java.util.List;

/** Running counts of one report's ingestion. */
final class IngestCounter {
    static final int MAX_REJECTIONS = 20;

    int received;
    int inserted;
    int updated;
    int unchanged;
    int older;
    int rejected;
    int valuesStored;
    int valuesSkipped;
    int linked;
    private final List<String> rejections = new ArrayList<>();

    void reject(String reason) {
        rejected++;
        if (rejections.size() < MAX_REJECTIONS) rejections.add(reason);
    }

    IngestResult result() {
        return new IngestResult(received, inserted, updated, unchanged, older, rejected, valuesStored, valuesSkipped, rejections);
    }
}
