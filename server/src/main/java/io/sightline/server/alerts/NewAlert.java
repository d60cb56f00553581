package io.sightline.server.alerts;

import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.observables.NewObservable;
import java.util.List;

/**
 * An alert to create, with its observables. Type, source, sourceRef (together unique in an
 * organisation), title and description are required; any other field may be {@code null}, which
 * means the default (severity 2, dated now, TLP and PAP amber, status New, followed, no tags).
 * The service checks the rules (text sizes, severity range, known status).
 *
 * @param caseTemplate a case template of the organisation ("~id" or name) the alert's case is made from, or {@code null}
 */
public record NewAlert(String type, String source, String sourceRef, String externalLink, String title,
                       String description, Integer severity, Long date, Tlp tlp, Pap pap, Boolean flag, String status,
                       Boolean read, Boolean follow, String summary, String assignee, List<String> tags,
                       List<NewObservable> observables, String caseTemplate, List<CustomFieldInput> customFields) {

    public NewAlert {
        observables = observables == null ? List.of() : List.copyOf(observables);
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
    }
}
