package io.sightline.server.casearchive;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseService;
import io.sightline.server.comments.CommentService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.TooLarge;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableRepository;
import io.sightline.server.pages.PageService;
import io.sightline.server.procedures.ProcedureRecord;
import io.sightline.server.procedures.ProcedureService;
import io.sightline.server.tasklogs.LogFile;
import io.sightline.server.tasklogs.LogRecord;
import io.sightline.server.tasklogs.TaskLogService;
import io.sightline.server.tasks.TaskRecord;
import io.sightline.server.tasks.TaskService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a case of the caller's organisation to a sealed archive, and makes a new case of the
 * caller's organisation from one. Each record is read and written by its own service, so the
 * import checks and audits exactly what creating them by hand would; it runs in one transaction,
 * after the password and the archive's integrity are checked, so a refusal leaves nothing behind.
 */
@Service
public class CaseArchiveService {
    private final CaseService cases;
    private final TaskService tasks;
    private final TaskLogService logs;
    private final CommentService comments;
    private final ObservableRepository observables;
    private final ProcedureService procedures;
    private final PageService pages;
    private final AttachmentStore attachments;
    private final TransactionTemplate transactions;
    private final ArchiveLimits limits;
    private final ImportServices services;

    CaseArchiveService(CaseService cases, TaskService tasks, TaskLogService logs, CommentService comments,
                       ObservableRepository observables, ProcedureService procedures, PageService pages,
                       AttachmentStore attachments, TransactionTemplate transactions, ArchiveLimits limits,
                       ImportServices services) {
        this.cases = cases;
        this.tasks = tasks;
        this.logs = logs;
        this.comments = comments;
        this.observables = observables;
        this.procedures = procedures;
        this.pages = pages;
        this.attachments = attachments;
        this.transactions = transactions;
        this.limits = limits;
        this.services = services;
    }

    /** What an import made: the case with its custom field values, its observables and procedures. */
    public record Imported(CaseRecord caseRecord, List<ObservableRecord> observables, List<ProcedureRecord> procedures) {}

    /** Writes the archive of a case to {@code out}, from one consistent read; the caller closes nothing. */
    @Transactional(readOnly = true)
    public CaseRecord export(Principal p, String caseIdOrNumber, String password, OutputStream out) throws IOException {
        p.require(Permission.READ);
        CaseRecord c = cases.get(p, caseIdOrNumber);
        String caseId = Ids.format(c.id());
        List<ObservableRecord> caseObservables = observables.ofCase(c.id());
        List<TaskRecord> caseTasks = tasks.ofCase(p, caseId);
        Map<Long, List<LogRecord>> taskLogs = new LinkedHashMap<>();
        for (TaskRecord t : caseTasks) taskLogs.put(t.id(), logs.ofTask(p, Ids.format(t.id())));

        Map<Attachment, String> files = new LinkedHashMap<>();
        List<Archived.Observable> archivedObservables = new ArrayList<>();
        for (ObservableRecord o : caseObservables) {
            String file = o.attachment() == null ? null : entryOf(files, o.attachment());
            archivedObservables.add(new Archived.Observable(o.dataType(), o.data(), file, o.message(), o.tlp(), o.pap(),
                    o.ioc(), o.sighted(), o.ignoreSimilarity(), o.startDate(), o.tags()));
        }
        List<Archived.Task> archivedTasks = new ArrayList<>();
        List<Archived.Log> archivedLogs = new ArrayList<>();
        for (int i = 0; i < caseTasks.size(); i++) {
            TaskRecord t = caseTasks.get(i);
            archivedTasks.add(new Archived.Task(i, t.title(), t.group(), t.description(), t.status().name(), t.flag(),
                    t.mandatory(), t.order(), t.assignee(), t.dueDate(), t.startDate(), t.endDate()));
            for (LogRecord l : taskLogs.get(t.id())) {
                List<String> logFiles = l.files().stream().map(LogFile::file).map(a -> entryOf(files, a)).toList();
                archivedLogs.add(new Archived.Log(i, l.message(), l.date(), l.includeInTimeline(), logFiles));
            }
        }

        try (ArchiveWriter w = new ArchiveWriter(new Unclosed(out), password)) {
            w.json(ArchiveLayout.CASE, archivedCase(c));
            w.lines(ArchiveLayout.FILES, files.entrySet().stream()
                    .map(f -> new Archived.File(f.getValue(), f.getKey().name(), f.getKey().contentType())).toList());
            for (var f : files.entrySet()) {
                Attachment a = f.getKey();
                Path content = attachments.file(a).orElseThrow(() -> new NotFound("File " + a.name() + " of case "
                        + caseId + " is missing from the data folder"));
                w.file(f.getValue(), content);
            }
            w.lines(ArchiveLayout.TASKS, archivedTasks);
            w.lines(ArchiveLayout.LOGS, archivedLogs);
            w.lines(ArchiveLayout.COMMENTS, comments.ofCase(p, caseId).stream()
                    .map(m -> new Archived.Comment(m.message(), m.external())).toList());
            w.lines(ArchiveLayout.OBSERVABLES, archivedObservables);
            w.lines(ArchiveLayout.PROCEDURES, procedures.ofCase(p, caseId).stream()
                    .map(r -> new Archived.Procedure(r.patternId(), r.tactic(), r.occurDate(), r.description())).toList());
            w.lines(ArchiveLayout.PAGES, pages.ofCase(p, caseId).stream()
                    .map(g -> new Archived.Page(g.title(), g.category(), g.content(), g.order())).toList());
        }
        return c;
    }

    /**
     * A new case of the caller's organisation from an archive: refused whole (nothing written)
     * when the archive is too large, sealed with another password, damaged, or holds a record the
     * hub refuses.
     */
    public Imported importArchive(Principal p, Path archive, String password) {
        p.require(Permission.MANAGE_CASE);
        try {
            long size = Files.size(archive);
            if (size > limits.archiveBytes()) {
                throw new TooLarge("The case archive has " + size + " bytes, more than the " + limits.archiveBytes() + " this hub imports");
            }
            Path work = Files.createTempDirectory("case-import-");
            try (InputStream plain = ArchiveSeal.open(archive, password); ArchiveReader r = new ArchiveReader(plain, limits)) {
                return transactions.execute(status -> {
                    try {
                        return new ArchiveImport(p, r, work, services).run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                try (Stream<Path> left = Files.walk(work)) {
                    left.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Archived.Case archivedCase(CaseRecord c) {
        List<Archived.Field> fields = cases.customFieldsOf(c.id()).stream()
                .map(v -> new Archived.Field(v.name(), v.value() == null ? null : v.value().json(), v.order())).toList();
        return new Archived.Case(ArchiveLayout.FORMAT, c.title(), c.description(), c.severity(), c.tlp(), c.pap(), c.flag(),
                c.status(), c.startDate(), c.endDate(), c.assignee(), c.summary(), c.resolutionStatus(), c.impactStatus(),
                c.tags(), fields);
    }

    /** The entry of a file, numbered once per stored upload in the order first met. */
    private static String entryOf(Map<Attachment, String> files, Attachment a) {
        return files.computeIfAbsent(a, added -> ArchiveLayout.fileEntry(files.size()));
    }

    /** The response stays open after the archive is written: the controller owns it. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
