package io.sightline.server.web;

import io.sightline.server.observables.ObservablePage;
import java.util.List;

/**
 * What the observables table of a case or an alert shows: one page of rows, the counts per type,
 * the filters, and where its links lead.
 *
 * @param pageUrl    the whole page, ending in "?" or "&amp;", for links that work without scripts
 * @param listUrl    the table's fragment, ending in "?", for htmx
 * @param bulkUrl    where the selection's actions are posted
 * @param analyzable whether an analyzer accepts the type of a row shown and the user may run it
 */
public record ObservableTable(ObservablePage page, List<ObservableRow> rows, ObservableFilters filters, String pageUrl,
                              String listUrl, String bulkUrl, boolean analyzable) {
    /** The page's path without its query, the action of the filter form without scripts. */
    public String pagePath() {
        return pageUrl.substring(0, pageUrl.indexOf('?'));
    }

    /** The TLPs the selection's "Set TLP" offers. */
    public List<String> tlps() {
        return CaseUiController.TLPS;
    }
}
