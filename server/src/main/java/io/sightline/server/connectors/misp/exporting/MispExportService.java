package io.sightline.server.connectors.misp.exporting;

import io.sightline.integrations.misp.MispApiException;
import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.mapping.MispExportMapper;
import io.sightline.integrations.misp.mapping.MispExportPlan;
import io.sightline.integrations.misp.mapping.MispExportTypes;
import io.sightline.integrations.misp.mapping.MispGalaxy;
import io.sightline.integrations.misp.mapping.MispTlp;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEvent;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispEventUpdate;
import io.sightline.integrations.misp.model.MispException;
import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispNewEvent;
import io.sightline.integrations.misp.model.MispSample;

import io.sightline.integrations.http.HttpNotFoundException;
import io.sightline.integrations.http.HttpTargetException;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.connectors.misp.MispConnector;
import io.sightline.server.connectors.misp.MispSettings;
import io.sightline.server.common.Ids;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Refused;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.procedures.ProcedureRecord;
import io.sightline.server.procedures.ProcedureService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports a case to a MISP server as TheHive's "Share → MISP" does, with its defects fixed: the
 * first export creates an event and records the link (event id and uuid) before anything else is
 * sent; later exports update that same event (metadata, marking tags, attributes added and
 * removed, new samples) instead of creating an extending one; a refusal shows MISP's own message.
 */
@Service
public class MispExportService {
    private final MispConnector connector;
    private final CaseService cases;
    private final ObservableRepository observables;
    private final AttachmentStore attachments;
    private final MispExportStore store;
    private final ProcedureService procedures;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final MispExportTypes exportTypes = MispExportTypes.loadDefault();

    public MispExportService(MispConnector connector, CaseService cases, ObservableRepository observables,
                             AttachmentStore attachments, MispExportStore store, ProcedureService procedures,
                             TransactionTemplate transactions, AuditLog audit, Clock clock) {
        this.connector = connector;
        this.cases = cases;
        this.observables = observables;
        this.attachments = attachments;
        this.store = store;
        this.procedures = procedures;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    private record Sample(ObservableRecord observable, MispExportMapper.AsFile how) {}

    /** Exports (or re-exports) the case; returns its event with every export, the new one last. */
    public CaseExport export(Principal p, String caseIdOrNumber, String serverName) {
        p.require(Permission.MANAGE_SHARE);
        MispSettings.Server server = connector.server(serverName)
                .orElseThrow(() -> new NotFound("MISP server " + serverName + " not found"));
        if (!server.exporting()) {
            throw new Refused("Export on MISP connection " + serverName + " is denied by configuration");
        }
        CaseRecord c = cases.get(p, caseIdOrNumber);
        MispExportMapper mapper = new MispExportMapper(exportTypes, server.exportCaseTags(), server.exportObservableTags());
        List<MispNewAttribute> attributes = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ObservableRecord o : observables.ofCase(c.id())) {
            String data = o.attachment() != null ? o.attachment().name() : o.data();
            MispExportMapper.Export how = mapper.observable(o.dataType(), data, o.ioc(), o.message(), o.tlp(), o.tags());
            if (how instanceof MispExportMapper.AsAttribute a) {
                attributes.add(a.attribute());
            } else if (how instanceof MispExportMapper.AsFile f) {
                if (o.attachment() != null) samples.add(new Sample(o, f));
                else skipped.add(o.dataType() + " " + data + ": no file stored");
            } else if (how instanceof MispExportMapper.Skipped s) {
                skipped.add(o.dataType() + " " + data + ": " + s.reason());
            }
        }
        List<String> galaxyTags = galaxyTags(p, c, skipped);
        MispClient client = connector.client(server);
        long now = clock.millis();
        try {
            Optional<MispExportStore.Link> previous = store.find(c.id(), server.name());
            MispExportPlan plan = null;
            MispExportStore.Link link = null;
            if (previous.isPresent()) {
                try {
                    plan = update(client, mapper, c, previous.get(), galaxyTags, attributes);
                    link = previous.get();
                } catch (HttpNotFoundException | MispApiException gone) {
                    if (gone instanceof MispApiException refused && refused.status() != 404) throw refused;
                    // deleted in MISP since the last export: a new event takes its place (TheHive failed here)
                }
            }
            boolean created = link == null;
            if (created) {
                MispNewEvent event = mapper.event(c.title(), LocalDate.ofInstant(Instant.ofEpochMilli(c.startDate()),
                        ZoneOffset.UTC), c.severity(), c.tlp(), c.pap(), c.tags(), galaxyTags, attributes);
                MispEvent made = client.createEvent(event);
                MispEventSummary s = made.summary();
                link = transactions.execute(tx -> store.link(c.id(), server.name(), s.id(), s.uuid(), now));
            }
            int uploaded = uploadSamples(client, link.eventId(), samples, created);
            CaseExport.Run run = new CaseExport.Run(now, p.login(), created,
                    created ? attributes.size() : plan.toAdd().size(), created ? 0 : plan.toDelete().size(), uploaded, skipped);
            MispExportStore.Link done = link;
            transactions.executeWithoutResult(tx -> {
                store.recordRun(done, run);
                audit.record(p, "export", "case", Ids.format(c.id()), null, Map.of("misp", server.name(),
                        "eventId", done.eventId(), "eventUuid", done.eventUuid()));
            });
            return view(server, store.find(c.id(), server.name()).orElseThrow());
        } catch (MispApiException refused) {
            throw new Refused(refused.getMessage());
        } catch (HttpTargetException | MispException failed) {
            throw new Refused("MISP server " + server.name()
                    + " could not be reached or answered wrongly: " + failed.getMessage());
        }
    }

    /** The exports of a case, for {@code GET /api/v1/case/{id}/misp}. */
    public List<CaseExport> exportsOf(Principal p, String caseIdOrNumber) {
        CaseRecord c = cases.get(p, caseIdOrNumber);
        return store.ofCase(c.id()).stream().map(link -> view(connector.server(link.server()).orElse(null), link)).toList();
    }

    /** The case's procedures as ATT&CK galaxy tags, each technique once; one no longer in the catalogue is skipped. */
    private List<String> galaxyTags(Principal p, CaseRecord c, List<String> skipped) {
        Set<String> tags = new java.util.LinkedHashSet<>();
        for (ProcedureRecord r : procedures.ofCase(p, Ids.format(c.id()))) {
            if (r.patternName() == null) skipped.add("procedure " + r.patternId() + ": not in the ATT&CK catalogue");
            else tags.add(MispGalaxy.attackPatternTag(r.patternName(), r.patternId()));
        }
        return List.copyOf(tags);
    }

    /**
     * Brings the event in line with the case. Marking tags and ATT&CK galaxy tags are the case's own, so those the
     * case no longer has are removed (as attributes are); other tags added in MISP are left alone.
     */
    private MispExportPlan update(MispClient client, MispExportMapper mapper, CaseRecord c, MispExportStore.Link link,
                                  List<String> galaxyTags, List<MispNewAttribute> attributes) {
        MispEventSummary current = client.editEvent(link.eventId(), new MispEventUpdate(c.title(), null,
                MispExportMapper.threatLevel(c.severity()), null, null, null));
        List<String> wanted = mapper.event(c.title(), LocalDate.now(clock), c.severity(), c.tlp(), c.pap(), c.tags(),
                galaxyTags, List.of()).tags();
        List<String> have = current.tagNames();
        for (String tag : have) {
            if ((MispTlp.isMarking(tag) || MispGalaxy.isAttackPattern(tag)) && !wanted.contains(tag)) client.removeTag(current.uuid(), tag);
        }
        for (String tag : wanted) {
            if (!have.contains(tag)) client.addTag(current.uuid(), tag, false);
        }
        return client.syncAttributes(link.eventId(), attributes);
    }

    /** Uploads, one after the other, the files the event does not have yet (by MD5 or name). */
    private int uploadSamples(MispClient client, String eventId, List<Sample> samples, boolean newEvent) {
        if (samples.isEmpty()) return 0;
        Set<String> present = new HashSet<>();
        if (!newEvent) {
            client.fetchEvent(eventId, false, (MispAttribute a) -> {
                if (a.isFile()) {
                    present.add(a.value());
                    present.addAll(List.of(a.value().split("\\|")));
                }
            });
        }
        int uploaded = 0;
        for (Sample s : samples) {
            var att = s.observable().attachment();
            if (present.contains(att.md5()) || present.contains(att.name())) continue;
            Path file = attachments.file(att).orElseThrow(() -> new Refused(
                    "The file " + att.name() + " of the case is missing from the hub's storage"));
            String comment = s.observable().message() == null || s.observable().message().isBlank()
                    ? att.name() : s.observable().message();
            client.uploadSample(eventId, new MispSample(file, att.name(), s.how().kind(), s.how().category(), comment, true));
            uploaded++;
        }
        return uploaded;
    }

    private CaseExport view(MispSettings.Server server, MispExportStore.Link link) {
        return new CaseExport(link.server(), link.eventId(), link.eventUuid(),
                server == null ? null : server.url() + "/events/view/" + link.eventId(),
                link.firstExportedAt(), link.lastExportedAt(), store.runs(link.id()));
    }
}
