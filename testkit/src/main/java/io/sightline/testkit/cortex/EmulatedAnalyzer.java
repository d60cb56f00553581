package io.sightline.testkit.cortex;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One analyzer of the emulator: its Cortex worker JSON and the report its jobs end with.
 *
 * @param id        worker id, md5 of {@code <organization>_<name>_analyzer} as Cortex computes it
 * @param name      worker name, e.g. {@code VirusTotal_GetReport_3_1}
 * @param dataTypes accepted data types
 * @param worker    the JSON Cortex lists for it
 * @param report    report template (Cortex report shape; {@code ${data}} is replaced by the job's data)
 */
record EmulatedAnalyzer(String id, String name, List<String> dataTypes, ObjectNode worker, ObjectNode report) {

    boolean accepts(String dataType) {
        return dataTypes.contains(dataType);
    }
}
