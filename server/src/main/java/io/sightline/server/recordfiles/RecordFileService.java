package io.sightline.server.recordfiles;

import io.sightline.server.alerts.AlertService;
import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.attachments.Upload;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of cases, alerts and organisations. Writing needs the record's own permission (manageCase,
 * manageAlert, or manageKnowledgeBase for the organisation's files); reading needs read access to
 * the record. A record of another organisation is not found. Each added or removed file is audited
 * as an {@code Attachment}; the files go to disk only if the transaction commits.
 */
@Service
public class RecordFileService {
    static final String AUDIT_TYPE = "Attachment";
    /** Files per request, as for task logs. */
    static final int MAX_FILES = 100;

    private final RecordFileRepository files;
    private final AttachmentStore store;
    private final CaseService cases;
    private final AlertService alerts;
    private final AuditLog audit;
    private final Clock clock;

    public RecordFileService(RecordFileRepository files, AttachmentStore store, CaseService cases, AlertService alerts,
                             AuditLog audit, Clock clock) {
        this.files = files;
        this.store = store;
        this.cases = cases;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores the uploads and attaches them to the target, all or none. */
    @Transactional
    public List<RecordFile> add(Principal p, FileTarget target, List<Upload> uploads) {
        Holder h = holder(p, target, true);
        if (uploads.isEmpty()) throw new Invalid("No file sent: send each file as a multipart part named attachments");
        if (uploads.size() > MAX_FILES) throw new Invalid("At most " + MAX_FILES + " files per request, not " + uploads.size());
        long now = clock.millis();
        List<RecordFile> added = new ArrayList<>();
        for (Upload u : uploads) {
            Attachment a = store.store(u);
            files.insert(h, a.id(), p.login(), now);
            RecordFile f = new RecordFile(a, h.orgId(), h.caseId(), h.alertId(), p.login(), now);
            audit.record(p, "create", AUDIT_TYPE, Ids.format(a.id()), null, RecordFileView.of(f));
            added.add(f);
        }
        return added;
    }

    /**
     * Copies an alert's files to the case it is imported into (the alert keeps its own); called in
     * the import's transaction by the caller that checked both records.
     */
    @Transactional
    public void copyAlertFilesToCase(Principal p, long alertId, long caseId) {
        long now = clock.millis();
        for (RecordFile f : files.of(new Holder(p.orgId(), null, alertId))) {
            Attachment copy = store.copy(f.file());
            Holder target = new Holder(p.orgId(), caseId, null);
            files.insert(target, copy.id(), p.login(), now);
            audit.record(p, "create", AUDIT_TYPE, Ids.format(copy.id()), null,
                    RecordFileView.of(new RecordFile(copy, p.orgId(), caseId, null, p.login(), now)));
        }
    }

    /** Moves the files of merged cases to the case they are merged into, before the originals are deleted. */
    @Transactional
    public void moveCaseFiles(Principal p, long fromCaseId, long toCaseId) {
        p.require(Permission.MANAGE_CASE);
        files.moveCaseFiles(p.orgId(), fromCaseId, toCaseId);
    }

    /** The target's files, in the order they were attached. */
    public List<RecordFile> list(Principal p, FileTarget target) {
        return files.of(holder(p, target, false));
    }

    /** One of the target's files, by its "~id" or its content's SHA-256 (its {@code id}). */
    public RecordFile get(Principal p, FileTarget target, String fileId) {
        Holder h = holder(p, target, false);
        return find(h, fileId);
    }

    @Transactional
    public void delete(Principal p, FileTarget target, String fileId) {
        Holder h = holder(p, target, true);
        RecordFile f = find(h, fileId);
        files.delete(f.id());
        store.release(List.of(f.id()));
        audit.record(p, "delete", AUDIT_TYPE, Ids.format(f.id()), RecordFileView.of(f), null);
    }

    /**
     * Any file the caller's organisation holds, by "~id" or SHA-256: attached to one of its cases,
     * alerts or to itself, or the file of one of its observables or task logs.
     */
    public Attachment visible(Principal p, String fileId) {
        p.require(Permission.READ);
        return files.visible(p, idOf(fileId), shaOf(fileId))
                .orElseThrow(() -> new NotFound("Attachment " + fileId + " not found"));
    }

    /** Where the stored content is; missing only if the disk lost it. */
    public Path content(Attachment a) {
        return store.file(a).orElseThrow(() -> new NotFound("The content of attachment " + Ids.format(a.id()) + " is missing"));
    }

    private RecordFile find(Holder h, String fileId) {
        return files.find(h, idOf(fileId), shaOf(fileId))
                .orElseThrow(() -> new NotFound("Attachment " + fileId + " not found in " + h.label()));
    }

    private Holder holder(Principal p, FileTarget t, boolean write) {
        return switch (t.kind()) {
            case CASE -> {
                if (write) p.require(Permission.MANAGE_CASE);
                yield new Holder(p.orgId(), cases.idOf(p, t.id()), null);
            }
            case ALERT -> {
                if (write) p.require(Permission.MANAGE_ALERT);
                yield new Holder(p.orgId(), null, alerts.get(p, t.id()).id());
            }
            case ORGANISATION -> {
                p.require(write ? Permission.MANAGE_KNOWLEDGE_BASE : Permission.READ);
                yield new Holder(p.orgId(), null, null);
            }
        };
    }

    /** The number of a "~id", or -1 (no row) when the id is a content hash. */
    private static long idOf(String fileId) {
        if (!Ids.looksLikeId(fileId)) return -1;
        try {
            return Ids.parse(fileId, "Attachment");
        } catch (NotFound e) {
            return -1;
        }
    }

    /** The content hash an id names, or "" (no row) for a "~id". */
    private static String shaOf(String fileId) {
        return Ids.looksLikeId(fileId) ? "" : fileId;
    }
}
