package io.sightline.stix;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration used for STIX content. Report descriptions can hold whole
 * articles, so the string-length limit is raised above Jackson's default; nesting stays bounded.
 */
public final class StixJson {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(64 * 1024 * 1024)
                            .maxNestingDepth(200)
                            .build())
                    .build())
            .build();

    private StixJson() {}

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
