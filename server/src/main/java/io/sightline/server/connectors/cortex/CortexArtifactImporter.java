package io.sightline.server.connectors.cortex;

import io.sightline.integrations.cortex.CortexException;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.TagRepository;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Refused;
import io.sightline.server.core.RemoteFailure;
import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.observables.ObservableAnswer;
import io.sightline.server.observables.ObservableDraft;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.observables.ObservableView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds the artifacts of a successful report as observables of the same case (or alert), on
 * request: {@code ioc=false}, the artifact's tags, TLP and message, as TheHive imports them.
 * File artifacts are downloaded from Cortex's datastore. Values already present are skipped, so
 * the import can be repeated safely.
 */
@Component
class CortexArtifactImporter {
    private final CortexJobService jobService;
    private final CortexServers servers;
    private final ObservableService observables;
    private final AttachmentStore attachments;
    private final CortexJobRepository jobs;
    private final JsonMapper json;
    private final java.time.Clock clock;

    CortexArtifactImporter(CortexJobService jobService, CortexServers servers, ObservableService observables,
                           AttachmentStore attachments, CortexJobRepository jobs, JsonMapper json, java.time.Clock clock) {
        this.jobService = jobService;
        this.servers = servers;
        this.observables = observables;
        this.attachments = attachments;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    /** @return {@code {created: [observables], skipped: [{type, message, object}]}} */
    Map<String, Object> importArtifacts(Principal p, String jobId) {
        p.require(Permission.MANAGE_OBSERVABLE);
        CortexJobRecord job = jobService.get(p, jobId);
        if (!CortexJobRecord.SUCCESS.equals(job.status()) || job.report() == null) {
            throw new Refused("Job " + jobId + " has no successful report (status " + job.status() + ")");
        }
        ObservableRecord source = jobService.observableOf(p, job)
                .orElseThrow(() -> new NotFound("The observable of job " + jobId + " was deleted"));
        List<ObservableDraft> drafts = new ArrayList<>();
        for (JsonNode artifact : json.readTree(job.report()).path("artifacts")) {
            drafts.add(draft(job, artifact, source));
        }
        ObservableService.Outcome outcome = observables.add(p, source.caseId(), source.alertId(), drafts);
        jobs.artifactsImported(job.id(), p.login(), clock.millis());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", outcome.created().stream().map(ObservableView::of).toList());
        out.put("skipped", ObservableAnswer.views(outcome.failures()));
        return out;
    }

    private ObservableDraft draft(CortexJobRecord job, JsonNode a, ObservableRecord source) {
        String dataType = text(a, "dataType", "type");
        int tlp = a.path("tlp").isIntegralNumber() ? Math.min(4, Math.max(0, a.path("tlp").asInt())) : source.tlp();
        List<String> tags = new ArrayList<>();
        a.path("tags").forEach(t -> tags.add(t.asString()));
        String message = a.path("message").isString() ? a.path("message").asString()
                : "Found by " + job.analyzerName() + " on " + source.dataType() + " " + (source.data() != null ? source.data() : "");
        Attachment file = null;
        String data = null;
        JsonNode attachment = a.path("attachment");
        if (attachment.isObject()) {
            dataType = "file";
            file = download(job, attachment);
        } else {
            data = text(a, "data", "value");
        }
        return new ObservableDraft(dataType == null ? "other" : dataType, data, file, message, tlp, source.pap(), false,
                false, false, null, TagRepository.clean(tags));
    }

    private Attachment download(CortexJobRecord job, JsonNode attachment) {
        String id = attachment.path("id").asString("");
        String name = attachment.path("name").asString(id);
        String type = attachment.path("contentType").asString("application/octet-stream");
        try {
            return servers.client(job.serverName()).readAttachment(id, in -> attachments.store(name, type, in));
        } catch (CortexException e) {
            throw new RemoteFailure("Cortex", "Could not download artifact file " + name + " from Cortex " + job.serverName() + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String name, String alias) {
        JsonNode v = node.hasNonNull(name) ? node.get(name) : node.get(alias);
        return v == null || v.isNull() ? null : v.asString();
    }
}
