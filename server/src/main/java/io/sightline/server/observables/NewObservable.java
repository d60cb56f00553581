package io.sightline.server.observables;

import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import java.util.List;

/**
 * Observables to add, one per value of {@code data} (a file observable takes its uploaded file
 * instead). Any field but the data type may be {@code null}: TLP and PAP default to amber, the
 * flags to false, the start date to now. {@link ObservableDrafts} checks the rules.
 *
 * @param data the values, {@code null} when none was given
 * @param attachment in an alert created with files, the name of the multipart part that holds
 *     this observable's file; {@code null} otherwise
 */
public record NewObservable(String dataType, List<String> data, String message, Tlp tlp, Pap pap, Boolean ioc,
                           Boolean sighted, Boolean ignoreSimilarity, Long startDate, List<String> tags,
                           String attachment) {
    public NewObservable(String dataType, List<String> data, String message, Tlp tlp, Pap pap, Boolean ioc,
                         Boolean sighted, Boolean ignoreSimilarity, Long startDate, List<String> tags) {
        this(dataType, data, message, tlp, pap, ioc, sighted, ignoreSimilarity, startDate, tags, null);
    }
}
