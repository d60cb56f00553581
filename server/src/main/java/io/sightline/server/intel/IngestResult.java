package io.sightline.server.intel;

import java.util.List;

/**
 * What one {@link IntelIngestService#ingestReport} call did.
 *
 * @param received objects read from the report
 * @param inserted objects new to the store
 * @param updated objects whose stored version was older and was replaced
 * @param unchanged objects already stored with the same version (no-op)
 * @param older objects older than the stored version (ignored; the newer one stays)
 * @param rejected objects that are not valid STIX (no id, bad id, bad timestamp); not stored
 * @param valuesStored observable values written for the inserted and updated objects
 * @param valuesSkipped values that the hub's observable rules reject (a CIDR range as ip, a
 *                      truncated hash, ...): no case observable can ever equal them
 * @param rejections the first reasons of rejection, for logs and connector health
 */
public record IngestResult(int received, int inserted, int updated, int unchanged, int older, int rejected,
                           int valuesStored, int valuesSkipped, List<String> rejections) {
    public IngestResult {
        rejections = List.copyOf(rejections);
    }
}
