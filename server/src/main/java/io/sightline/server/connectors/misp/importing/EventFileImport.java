package io.sightline.server.connectors.misp.importing;

import io.sightline.integrations.misp.mapping.MispAlertDraft;
import io.sightline.integrations.misp.mapping.MispAlertMapper;
import io.sightline.integrations.misp.mapping.MispImportTypes;
import io.sightline.integrations.misp.mapping.MispObservableDraft;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispException;
import io.sightline.integrations.misp.reading.MispEventReader;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.caseassembly.CaseAssembly;
import io.sightline.server.caseassembly.CaseAssemblyService;
import io.sightline.server.caseassembly.CaseParts;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.NewCase;
import io.sightline.server.common.ObservableTypes;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Malformed;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.observables.ObservableDraft;
import io.sightline.server.observables.ObservableService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TheHive 5's "import a case from a MISP event file": the event becomes a case of the caller's
 * organisation, mapped as the MISP connector maps an event to an alert ({@link MispAlertMapper}:
 * title, severity, TLP, PAP, tags; attributes to observables with their IOC flag and MISP tags,
 * values kept as {@link MispValue} keeps them). The file is read twice from disk, first for the
 * event's metadata (MISP may write it after the attributes), then for its attributes a batch at a
 * time, so memory does not grow with the event. One transaction: a refusal writes nothing.
 *
 * <p>A file has no MISP server to download attachments from: a {@code malware-sample} or
 * {@code attachment} attribute becomes a {@code filename} observable, as the connector keeps a file
 * MISP lists without content. Deleted attributes are left out.
 */
@Service
public class EventFileImport {
    static final int BATCH = 1000;
    private static final MispEventReader READER = new MispEventReader();

    private final CaseAssemblyService assembly;
    private final ObservableService observables;
    private final ObservableTypes types;
    private final MispAlertMapper mapper = new MispAlertMapper(MispImportTypes.loadDefault(), "", List.of());

    EventFileImport(CaseAssemblyService assembly, ObservableService observables, ObservableTypes types) {
        this.assembly = assembly;
        this.observables = observables;
        this.types = types;
    }

    /** What the caller adds to the event's case: a template, tasks, pages, an assignee, custom field values. */
    public record Options(CaseParts parts, String assignee, List<CustomFieldInput> customFields) {}

    @Transactional
    public CaseRecord importEvent(Principal p, Path eventFile, Options options) {
        p.require(Permission.MANAGE_CASE);
        p.require(Permission.MANAGE_OBSERVABLE);
        MispAlertDraft event = mapper.alert(summary(eventFile), "file");
        NewCase fields = new NewCase(event.title(), event.description(), event.severity(), Tlp.of(event.tlp()),
                Pap.of(event.pap()), null, event.date() == null ? null : event.date().atStartOfDay(ZoneOffset.UTC)
                .toInstant().toEpochMilli(), null, event.tags(), null, options.assignee(), null, null, null,
                options.customFields());
        CaseRecord created = assembly.create(p, new CaseAssembly(fields, options.parts()));
        Map<String, ObservableDraft> batch = new LinkedHashMap<>();
        read(eventFile, attribute -> {
            for (MispObservableDraft d : mapper.observables(attribute, event.tlp())) {
                if (d.deleted()) continue;
                ObservableDraft draft = draft(d);
                // one value once per batch; the last attribute carrying it wins, as in the connector
                String key = draft.dataType() + "\0" + draft.data();
                batch.remove(key);
                batch.put(key, draft);
                if (batch.size() >= BATCH) add(p, created, batch);
            }
        });
        add(p, created, batch);
        return created;
    }

    private void add(Principal p, CaseRecord c, Map<String, ObservableDraft> batch) {
        if (batch.isEmpty()) return;
        observables.addOrMerge(p, c.id(), null, List.copyOf(batch.values()));
        batch.clear();
    }

    private ObservableDraft draft(MispObservableDraft d) {
        String dataType = d.attachment() ? "filename" : d.dataType();
        MispValue value = MispValue.of(types, dataType, d.data());
        return new ObservableDraft(value.dataType(), value.data(), null, d.message().isEmpty() ? null : d.message(),
                d.tlp(), Pap.AMBER.value(), d.ioc(), false, false, d.modified().toEpochMilli(), distinct(d.tags()));
    }

    /** The one event of the file, or a refusal naming what is wrong. */
    private static MispEventSummary summary(Path eventFile) {
        List<MispEventSummary> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(eventFile)) {
            READER.readIndex(in, events::add);
        } catch (MispException e) {
            throw notAnEvent(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (events.size() != 1) throw notAnEvent("the file holds " + events.size() + " events, not one");
        MispEventSummary event = events.get(0);
        if (blank(event.uuid()) && blank(event.info())) throw notAnEvent("the event has neither a uuid nor an info");
        return event;
    }

    private static void read(Path eventFile, Consumer<MispAttribute> each) {
        try (InputStream in = Files.newInputStream(eventFile)) {
            READER.read(in, each::accept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Malformed notAnEvent(String why) {
        return new Malformed("Could not convert json to MISP event: " + why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> distinct(List<String> tags) {
        return List.copyOf(new LinkedHashSet<>(tags));
    }
}
