package io.sightline.server.intel;

import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.SecretHashing;
import io.sightline.server.core.NotFound;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the intel store a page at a time: a report, a dossier, the objects and values they hold,
 * and a search by value or by report or dossier name. The store is global, so any user who may
 * read sees it all; what the organisation holds that matches it is the observables' to answer.
 */
@Service
@Transactional(readOnly = true)
public class IntelReadService {
    /** Rows of a list page. */
    public static final int PAGE_SIZE = 50;
    /** The deepest page served: the lists are for reading, the API for export. */
    static final int MAX_PAGE = 10_000;
    /** Reports listed on a dossier's page, newest first. */
    public static final int DOSSIER_REPORTS = 200;
    /** Values listed as found by a search. */
    static final int FOUND_VALUES = 20;
    /** A search longer than this is cut: no report name or value is longer. */
    static final int MAX_QUERY = 1024;

    /** What a search found: the stored values equal to the text, and the reports it names or that carry them. */
    public record SearchResult(String query, List<IntelValue> values, IntelPage<IntelReport> reports) {
        public SearchResult {
            values = List.copyOf(values);
        }
    }

    private final IntelReadRepository reads;

    public IntelReadService(IntelReadRepository reads) {
        this.reads = reads;
    }

    public IntelReport report(Principal p, long ref) {
        p.require(Permission.READ);
        return reads.report(ref).orElseThrow(() -> new NotFound("Intel report " + ref + " not found"));
    }

    public IntelDossier dossier(Principal p, String source, String dossierId) {
        p.require(Permission.READ);
        List<IntelReport> reports = reads.reportsOf(source, dossierId, DOSSIER_REPORTS);
        if (reports.isEmpty()) throw new NotFound("Intel dossier " + dossierId + " of " + source + " not found");
        String name = reports.stream().map(IntelReport::dossierName).filter(n -> n != null && !n.isBlank()).findFirst().orElse(null);
        return new IntelDossier(source, dossierId, name, reports);
    }

    public IntelPage<IntelObjectLine> objects(Principal p, IntelScope scope, int page) {
        p.require(Permission.READ);
        int shown = Math.min(Math.max(1, page), MAX_PAGE);
        return IntelPage.of(reads.objects(scope, (shown - 1) * PAGE_SIZE, PAGE_SIZE + 1), shown, PAGE_SIZE);
    }

    public IntelPage<IntelValue> values(Principal p, IntelScope scope, int page) {
        p.require(Permission.READ);
        int shown = Math.min(Math.max(1, page), MAX_PAGE);
        return IntelPage.of(reads.values(scope, (shown - 1) * PAGE_SIZE, PAGE_SIZE + 1), shown, PAGE_SIZE);
    }

    /**
     * Reports whose name or dossier name contains the text, whose report or dossier id it is, or
     * whose objects carry it as a value (as typed, or lower-cased as hashes are stored); without
     * text, the latest reports.
     */
    public SearchResult search(Principal p, String text, int page) {
        p.require(Permission.READ);
        int shown = Math.min(Math.max(1, page), MAX_PAGE);
        int offset = (shown - 1) * PAGE_SIZE;
        String q = text == null ? "" : text.strip();
        if (q.length() > MAX_QUERY) q = q.substring(0, MAX_QUERY);
        if (q.isEmpty()) return new SearchResult("", List.of(), IntelPage.of(reads.latest(offset, PAGE_SIZE + 1), shown, PAGE_SIZE));
        String lower = q.toLowerCase(Locale.ROOT);
        Set<String> keys = new LinkedHashSet<>(List.of(SecretHashing.sha256(q), SecretHashing.sha256(lower)));
        String pattern = "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<IntelReport> reports = reads.search(pattern, lower, keys, offset, PAGE_SIZE + 1);
        List<IntelValue> values = shown == 1 ? reads.valuesWithKeys(keys, FOUND_VALUES) : List.of();
        return new SearchResult(q, values, IntelPage.of(reports, shown, PAGE_SIZE));
    }
}
