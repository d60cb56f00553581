package io.sightline.integrations.stixify;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpCall;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.QueryParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Typed client of the Stixify Web API as the OpenCTI Stixify connector uses it: list dossiers,
 * list a dossier's reports added after a cursor, stream a report's objects. Requests carry the
 * {@code API-KEY} header and go through the shared {@link HttpTarget} (status checked, 429 and 5xx
 * retried with backoff and {@code Retry-After}); lists are read with {@code page_size=200} under a
 * {@link PageGuard}, so lying totals or repeated pages end the listing instead of looping.
 * Thread-safe.
 */
public final class StixifyClient {
    /** Page size the original connector requests. */
    public static final int PAGE_SIZE = 200;

    private final HttpTarget target;

    /** A client over an existing target (whose auth must send the {@code API-KEY} header). */
    public StixifyClient(HttpTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * A client with the default HTTP settings. The base URL is normalised like the original
     * connector does it (surrounding slashes removed); paths are {@code v1/...} below it.
     */
    public static StixifyClient create(String baseUrl, String apiKey) {
        return new StixifyClient(HttpTarget.create(config(baseUrl, apiKey).build()));
    }

    /** The HTTP settings for a Stixify base URL and key, to adjust (timeouts, retry, TLS) before building. */
    public static HttpTargetConfig.Builder config(String baseUrl, String apiKey) {
        return HttpTargetConfig.builder("stixify", baseUrl).auth(HttpAuth.header("API-KEY", apiKey));
    }

    /** The underlying HTTP target. */
    public HttpTarget target() {
        return target;
    }

    /** Every dossier visible to the key ({@code GET v1/dossiers/}, key {@code results}). */
    public List<Dossier> listDossiers() {
        List<Dossier> dossiers = new ArrayList<>();
        for (JsonNode item : readList("/v1/dossiers/", null, "results")) {
            dossiers.add(new Dossier(requiredText(item, "id", "dossier"), item.path("name").asString("")));
        }
        return dossiers;
    }

    /**
     * The reports of a dossier ({@code GET v1/dossiers/{id}/reports/}, key {@code objects}), only
     * those added after {@code addedAfter} when it is not null. The cursor is sent in the original
     * format ({@code 2026-02-18T15:24:00.123456+00:00}) and percent-encoded ({@code +} as {@code %2B}).
     * A report listed twice (pages shifting while reading) is returned once.
     */
    public List<StixifyReport> listReports(String dossierId, Instant addedAfter) {
        String cursor = addedAfter == null ? null : StixifyTimestamps.format(addedAfter);
        Map<String, StixifyReport> reports = new LinkedHashMap<>();
        String path = "/v1/dossiers/" + QueryParams.encodePathSegment(dossierId) + "/reports/";
        for (JsonNode item : readList(path, cursor, "objects")) {
            String id = requiredText(item, "id", "report");
            JsonNode metadata = item.get("stixify_report_metadata");
            String name = metadata != null && metadata.isObject() ? metadata.path("name").asString("") : item.path("name").asString("");
            reports.putIfAbsent(id, new StixifyReport(id, name));
        }
        return List.copyOf(reports.values());
    }

    /**
     * The objects of a report ({@code GET v1/reports/{id}/objects/}), fetched page by page while the
     * caller iterates and never held whole. The caller must close the result.
     */
    public ReportObjects reportObjects(String reportId) {
        return new ReportObjects(target, "/v1/reports/" + QueryParams.encodePathSegment(reportId) + "/objects/", reportId);
    }

    private List<JsonNode> readList(String path, String addedAfter, String listKey) {
        PageGuard guard = new PageGuard(target.name() + " " + path, PAGE_SIZE);
        List<JsonNode> items = new ArrayList<>();
        boolean more = true;
        while (more) {
            int page = guard.nextPage();
            JsonNode body = target.json().send(HttpCall.get(path).query(pageQuery(page).and("added_after", addedAfter)).build());
            JsonNode list = body.get(listKey);
            if (list == null || !list.isArray()) {
                throw new StixifyApiException(path + " page " + page + ": no '" + listKey + "' list in the answer");
            }
            long total = total(body, path, page);
            String firstId = list.isEmpty() ? null : list.get(0).path("id").asString(null);
            if (guard.isRepeat(firstId)) {
                guard.pageRead(list.size(), firstId, total);
                break;
            }
            list.forEach(items::add);
            more = guard.pageRead(list.size(), firstId, total);
        }
        return items;
    }

    /** {@code page} and {@code page_size}, in the order the original connector sends them. */
    static QueryParams pageQuery(int page) {
        return QueryParams.of("page", page, "page_size", PAGE_SIZE);
    }

    static long total(JsonNode envelope, String path, int page) {
        JsonNode total = envelope.get("total_results_count");
        if (total == null || !total.canConvertToLong()) {
            throw new StixifyApiException(path + " page " + page + ": no numeric 'total_results_count' in the answer");
        }
        return total.asLong();
    }

    private static String requiredText(JsonNode item, String field, String what) {
        JsonNode value = item.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new StixifyApiException("a " + what + " in the listing has no '" + field + "': " + abbreviate(item.toString()));
        }
        return value.stringValue();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
