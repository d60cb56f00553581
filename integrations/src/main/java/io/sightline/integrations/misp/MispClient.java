package io.sightline.integrations.misp;

import io.sightline.integrations.misp.mapping.MispExportPlan;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEvent;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispEventUpdate;
import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispNewEvent;
import io.sightline.integrations.misp.model.MispOrg;
import io.sightline.integrations.misp.model.MispSample;
import io.sightline.integrations.misp.reading.MispEventListener;
import io.sightline.integrations.misp.reading.MispEventReader;
import io.sightline.integrations.misp.reading.MispEventsListener;
import io.sightline.integrations.misp.reading.MispFormatException;

import io.sightline.integrations.http.HttpAuthException;
import io.sightline.integrations.http.HttpCall;
import io.sightline.integrations.http.HttpJson;
import io.sightline.integrations.http.HttpStatusException;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.QueryParams;
import io.sightline.integrations.http.RequestBody;
import io.sightline.integrations.http.RetryMode;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Typed client of one MISP server's REST API, over the shared resilient HTTP layer (retries with
 * backoff and {@code Retry-After}, per-target TLS trust, timeouts). Configure the target with
 * {@code HttpAuth.rawKey(key)}: MISP expects the raw key in {@code Authorization}. Thread-safe.
 *
 * <p>Import: {@link #searchEvents} pages through the events modified since a checkpoint, then
 * {@link #fetchEvent} streams each event's attributes. Export: {@link #createEvent},
 * {@link #editEvent}, {@link #addAttribute}, {@link #deleteAttribute}, {@link #addTag} /
 * {@link #removeTag}, {@link #uploadSample}, {@link #publishEvent}.
 *
 * <p>Failures:
 * <ul>
 *   <li>{@link io.sightline.integrations.http.HttpAuthException} — the key was refused (status
 *       {@code AUTH_ERROR});</li>
 *   <li>{@link io.sightline.integrations.http.HttpTlsException},
 *       {@link io.sightline.integrations.http.HttpConnectException},
 *       {@link io.sightline.integrations.http.HttpRequestTimeoutException} and other
 *       {@link io.sightline.integrations.http.HttpTargetException}s — transport problems, after
 *       the retries the target allows ({@code isTransient()} says whether trying later may help);</li>
 *   <li>{@link MispApiException} — MISP refused a request and said why (its name, message, errors);</li>
 *   <li>{@link MispFormatException} — the answer is not valid MISP JSON (truncated, HTML, …);</li>
 *   <li>{@link MispPaginationException} — the event index could not be paged safely.</li>
 * </ul>
 */
public final class MispClient {

    private static final int MAX_ATTRIBUTES_IN_ANSWER = 1_000_000;

    private final HttpTarget target;
    private final Clock clock;
    private final MispEventReader reader = new MispEventReader();

    public MispClient(HttpTarget target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    /** A client with its own HTTP target and the system clock. */
    public static MispClient create(HttpTargetConfig config) {
        return new MispClient(HttpTarget.create(config), Clock.systemUTC());
    }

    /** The configured server name. */
    public String name() {
        return target.name();
    }

    /** {@code GET /servers/getVersion}: the cheapest authenticated call, used for health. */
    public MispVersion version() {
        JsonNode node = target.json().send(HttpCall.get("/servers/getVersion").build());
        String version = node.path("version").asString(null);
        if (version == null) {
            throw new MispFormatException("MISP's /servers/getVersion answer has no 'version': "
                    + abbreviate(node.toString()), "/version", -1, null);
        }
        return new MispVersion(version, node.path("perm_sync").asBoolean(false), node.path("perm_sighting").asBoolean(false));
    }

    /** {@code GET /users/view/me}: the user the API key belongs to. */
    public MispUser currentUser() {
        JsonNode user = target.json().send(HttpCall.get("/users/view/me").build()).path("User");
        if (!user.isObject()) {
            throw new MispFormatException("MISP's /users/view/me answer has no 'User' object", "/User", -1, null);
        }
        return new MispUser(user.path("id").asString(null), user.path("org_id").asString(null),
                user.path("email").asString(null), user.path("role_id").asString(null));
    }

    /** {@code GET /organisations/view/{id}}. */
    public MispOrg organisation(String id) {
        JsonNode org = target.json().send(HttpCall.get("/organisations/view/" + QueryParams.encodePathSegment(id)).build())
                .path("Organisation");
        if (!org.isObject()) {
            throw new MispFormatException("MISP's /organisations/view answer has no 'Organisation' object",
                    "/Organisation", -1, null);
        }
        return new MispOrg(org.path("id").asString(null), org.path("name").asString(null), org.path("uuid").asString(null));
    }

    /** The organisation of the API key's user (TheHive's alert {@code source}). */
    public MispOrg keyOrganisation() {
        return organisation(currentUser().orgId());
    }

    /**
     * Incremental sync: hands {@code consumer} every event modified at or after
     * {@link MispEventQuery#lowerBound} that passes the filters, in ascending {@code timestamp}
     * order, paging through {@code POST /events/index} ({@code searchtimestamp}, {@code searchtag},
     * {@code searchorg}, {@code searchpublished}, {@code limit}/{@code page}, sorted by timestamp).
     *
     * <p>Checkpointing: once the consumer has durably written an event, the hub may store that
     * event's {@link MispEventSummary#timestamp()} as the checkpoint and pass it as
     * {@link MispEventQuery#since()} next time. The bound is inclusive, so events sharing the
     * checkpoint's second are delivered again after a restart: import them idempotently (by event
     * uuid) and nothing is lost or duplicated. The search ends even if events keep changing.
     */
    public MispSearchResult searchEvents(MispEventQuery query, Consumer<MispEventSummary> consumer) {
        long lowerBound = query.lowerBound(clock.instant());
        return MispEventSearch.run(query, lowerBound, (since, page, limit) -> {
            HttpCall call = HttpCall.post("/events/index").json(MispRequestBodies.indexSearch(query, since, page, limit))
                    .retryable().build(); // a search changes nothing, so repeating it is harmless
            List<MispEventSummary> events = new ArrayList<>(limit);
            target.readStream(call, in -> reader.readIndex(in, events::add));
            return events;
        }, consumer);
    }

    /**
     * Streams one event ({@code GET /events/view/{id}}) attribute by attribute to {@code listener},
     * then reports its metadata; memory use does not depend on the event's size.
     *
     * @param includeDeleted also deliver soft-deleted attributes (with {@code deleted=true}), so the
     *                       hub can remove them from the alert
     * @return the number of attributes delivered
     * @throws io.sightline.integrations.http.HttpNotFoundException when MISP no longer has the event
     *                             (deleted, or no longer visible to the key)
     * @throws MispFormatException on a truncated or malformed answer; attributes already delivered
     *                             then belong to an incomplete read and must not be used to decide
     *                             which attributes disappeared
     */
    public long fetchEvent(String idOrUuid, boolean includeDeleted, MispEventListener listener) {
        String path = "/events/view/" + QueryParams.encodePathSegment(idOrUuid);
        HttpCall call = includeDeleted
                ? HttpCall.post(path).json(Map.of("deleted", true)).retryable().build()
                : HttpCall.get(path).build();
        long[] count = {0};
        long events = target.readStream(call, in -> reader.read(in, new MispEventListener() {
            @Override
            public void attribute(MispAttribute attribute) {
                count[0]++;
                listener.attribute(attribute);
            }

            @Override
            public void eventEnd(MispEventSummary event, long attributesRead) {
                listener.eventEnd(event, attributesRead);
            }
        }));
        if (events != 1) {
            throw new MispFormatException("expected one event from " + path + " but MISP sent " + events, "", -1, null);
        }
        return count[0];
    }

    /**
     * Streams several events in one answer ({@code POST /events/restSearch} with their ids), each
     * announced to {@code events} before its attributes; memory use depends on neither the number
     * nor the size of the events. MISP may leave out events deleted (or hidden from the key) since
     * they were listed, and does not promise any order: check what arrived against what was asked.
     *
     * @param ids event ids (not uuids: MISP's {@code eventid} filter takes ids), at most a few hundred
     * @return the number of events read
     * @throws MispFormatException on a truncated or malformed answer; the event being read then is
     *                             incomplete, those before it are complete
     */
    public long fetchEvents(List<String> ids, MispEventsListener events) {
        if (ids.isEmpty()) return 0;
        HttpCall call = HttpCall.post("/events/restSearch").json(MispRequestBodies.eventsById(ids))
                .retryable().build(); // a search changes nothing, so repeating it is harmless
        return target.readStream(call, in -> reader.readEvents(in, events));
    }

    /** {@code POST /events}: creates an event with its attributes and tags; returns it as MISP stored it. */
    public MispEvent createEvent(MispNewEvent event) {
        return refusedAs("create the event '" + event.info() + "'", () -> {
            HttpCall call = write("/events").json(MispRequestBodies.newEvent(event)).build();
            return target.readStream(call, in -> reader.readSingle(in, MAX_ATTRIBUTES_IN_ANSWER));
        });
    }

    /** {@code POST /events/edit/{id}}: changes the event's metadata; returns the new metadata. */
    public MispEventSummary editEvent(String idOrUuid, MispEventUpdate update) {
        return refusedAs("edit event " + idOrUuid, () -> {
            HttpCall call = write("/events/edit/" + QueryParams.encodePathSegment(idOrUuid))
                    .json(MispRequestBodies.update(update)).build();
            List<MispEventSummary> result = new ArrayList<>(1);
            target.readStream(call, in -> reader.readIndex(in, result::add));
            if (result.size() != 1) {
                throw new MispFormatException("expected the edited event in MISP's answer", "", -1, null);
            }
            return result.get(0);
        });
    }

    /** {@code POST /attributes/add/{eventId}}: adds one attribute; returns it with its id and uuid. */
    public MispAttribute addAttribute(String eventId, MispNewAttribute attribute) {
        return refusedAs("add the " + attribute.type() + " attribute to event " + eventId, () -> {
            HttpCall call = write("/attributes/add/" + QueryParams.encodePathSegment(eventId))
                    .json(MispRequestBodies.attribute(attribute)).build();
            return singleAttribute(call);
        });
    }

    /**
     * {@code POST /attributes/delete/{id}}: soft-deletes an attribute (MISP keeps it flagged
     * {@code deleted}, which syncs to other servers); {@code hard} removes it for good.
     */
    public void deleteAttribute(String idOrUuid, boolean hard) {
        String path = "/attributes/delete/" + QueryParams.encodePathSegment(idOrUuid) + (hard ? "/1" : "");
        refusedAs("delete attribute " + idOrUuid, () -> target.json().send(write(path).build()));
    }

    /**
     * Re-export: makes the event's plain attributes equal to {@code desired} by adding the missing
     * ones and soft-deleting those the case no longer has (see {@link MispExportPlan}); attributes
     * already right are not touched. Changes are applied one by one, so after a failure a new call
     * finishes the job without duplicating anything.
     *
     * @return the plan that was applied
     */
    public MispExportPlan syncAttributes(String eventId, List<MispNewAttribute> desired) {
        List<MispAttribute> current = new ArrayList<>();
        fetchEvent(eventId, false, current::add);
        MispExportPlan plan = MispExportPlan.of(desired, current);
        current.clear();
        for (MispNewAttribute attribute : plan.toAdd()) {
            addAttribute(eventId, attribute);
        }
        for (String uuid : plan.toDelete()) {
            deleteAttribute(uuid, false);
        }
        return plan;
    }

    /** {@code POST /tags/attachTagToObject}: tags an event or attribute (by uuid); MISP creates unknown tags. */
    public void addTag(String uuid, String tag, boolean local) {
        tagCall("/tags/attachTagToObject", "add tag '" + tag + "' to " + uuid, MispRequestBodies.tag(uuid, tag, local));
    }

    /** {@code POST /tags/removeTagFromObject}. */
    public void removeTag(String uuid, String tag) {
        tagCall("/tags/removeTagFromObject", "remove tag '" + tag + "' from " + uuid, MispRequestBodies.tag(uuid, tag, null));
    }

    /** {@code POST /events/publish/{id}}. */
    public void publishEvent(String eventId) {
        refusedAs("publish event " + eventId, () -> target.json()
                .send(write("/events/publish/" + QueryParams.encodePathSegment(eventId)).build()));
    }

    /**
     * Uploads a file into an event, streamed and base64-encoded on the fly: a malware sample
     * through {@code POST /events/upload_sample/{eventId}}, an attachment through
     * {@code POST /attributes/add/{eventId}}. Never retried once sent (a retry could store the
     * file twice); upload samples one after the other.
     *
     * @return MISP's confirmation message
     */
    public String uploadSample(String eventId, MispSample sample) {
        String segment = QueryParams.encodePathSegment(eventId);
        RequestBody body = MispRequestBodies.sample(sample);
        return refusedAs("upload '" + sample.fileName() + "' to event " + eventId, () -> {
            if (sample.kind() == MispSample.Kind.ATTACHMENT) {
                MispAttribute added = singleAttribute(write("/attributes/add/" + segment).body(body).build());
                return "attachment stored as attribute " + added.uuid();
            }
            JsonNode answer = target.json().send(write("/events/upload_sample/" + segment).body(body).build());
            return answer.path("message").asString("sample uploaded");
        });
    }

    /**
     * {@code GET /attributes/download/{id}}: copies an attachment's or malware sample's content to
     * {@code out} (MISP sends malware samples as a zip with password {@code infected}).
     *
     * @return bytes copied
     */
    public long downloadAttachment(String attributeId, OutputStream out) {
        HttpCall call = HttpCall.get("/attributes/download/" + QueryParams.encodePathSegment(attributeId))
                .header("Accept", "application/octet-stream, */*").build();
        return target.readStream(call, in -> in.transferTo(out));
    }

    /** A write: not repeated once MISP may have applied it, but repeated after a 429 refusal. */
    private static HttpCall.Builder write(String path) {
        return HttpCall.post(path).retry(RetryMode.WHEN_REJECTED);
    }

    private MispAttribute singleAttribute(HttpCall call) {
        List<MispAttribute> added = new ArrayList<>(1);
        target.readStream(call, in -> reader.readAttributes(in, added::add));
        if (added.size() != 1) {
            throw new MispFormatException("expected one attribute in MISP's answer but found " + added.size(), "", -1, null);
        }
        return added.get(0);
    }

    private void tagCall(String path, String action, Object body) {
        JsonNode answer = refusedAs(action, () -> target.json().send(write(path).json(body).build()));
        if (answer.has("saved") && !answer.path("saved").asBoolean(true)) {
            throw new MispApiException(action, 200, answer.path("name").asString(null),
                    answer.path("errors").isMissingNode() ? answer.path("message").asString(null) : null,
                    answer.has("errors") ? answer.path("errors").toString() : null, null);
        }
    }

    /**
     * Runs a write call, turning MISP's refusals into {@link MispApiException} with MISP's own
     * reason. MISP answers validation failures with 403 too, so a 403 whose body is a MISP
     * refusal ({@code saved:false} or {@code errors}) is not reported as an authentication failure.
     */
    private <T> T refusedAs(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpStatusException e) {
            String excerpt = e.bodyExcerpt();
            boolean refusal = excerpt.contains("\"saved\"") || excerpt.contains("\"errors\"");
            if (e.isTransient() || (e instanceof HttpAuthException && !refusal)) {
                throw e;
            }
            throw new MispApiException(action, e.status(), e.remoteType().orElse(null),
                    e.remoteMessage().orElse(null), errorsOf(excerpt), e);
        }
    }

    private static String errorsOf(String excerpt) {
        try {
            JsonNode errors = HttpJson.MAPPER.readTree(excerpt).path("errors");
            return errors.isMissingNode() || errors.isNull() ? null : errors.toString();
        } catch (JacksonException notWholeJson) {
            int at = excerpt.indexOf("\"errors\"");
            return at < 0 ? null : excerpt.substring(at + "\"errors\"".length()).replaceFirst("^\\s*:\\s*", "");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
