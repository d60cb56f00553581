package io.sightline.server.casearchive;

import io.sightline.server.attachments.Attachment;
import io.sightline.server.attachments.Upload;
import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseRecord;
import io.sightline.server.cases.CaseView;
import io.sightline.server.cases.NewCase;
import io.sightline.server.comments.NewComment;
import io.sightline.server.common.Ids;
import io.sightline.server.common.Pap;
import io.sightline.server.common.Tlp;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.Malformed;
import io.sightline.server.customfields.CustomFieldInput;
import io.sightline.server.customfields.RawValue;
import io.sightline.server.observables.ObservableDraft;
import io.sightline.server.observables.ObservableRecord;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.pages.PageDraft;
import io.sightline.server.procedures.NewProcedure;
import io.sightline.server.procedures.ProcedureRecord;
import io.sightline.server.tasklogs.NewLog;
import io.sightline.server.tasks.NewTask;
import io.sightline.server.tasks.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;

/**
 * One import, inside its transaction: reads the archive's entries in order and creates each record
 * through its service as it is read. Files are unpacked to {@code work} first (named by their
 * position, never by a name from the archive) so the records after them can refer to them.
 */
final class ArchiveImport {
    /** Observables and procedures are created this many at a time. */
    private static final int BATCH = 500;

    private final Principal p;
    private final ArchiveReader reader;
    private final Path work;
    private final ImportServices s;
    private final Map<String, Archived.File> files = new HashMap<>();
    private final Map<String, Path> unpacked = new HashMap<>();
    private final Map<Integer, String> taskIds = new HashMap<>();
    private final List<ObservableRecord> createdObservables = new ArrayList<>();
    private final List<ProcedureRecord> createdProcedures = new ArrayList<>();
    private final List<ObservableDraft> observableBatch = new ArrayList<>();
    private final List<NewProcedure> procedureBatch = new ArrayList<>();
    private String caseId;

    ArchiveImport(Principal p, ArchiveReader reader, Path work, ImportServices services) {
        this.p = p;
        this.reader = reader;
        this.work = work;
        this.s = services;
    }

    CaseArchiveService.Imported run() throws IOException {
        Archived.Case c = reader.json(ArchiveLayout.CASE, Archived.Case.class);
        if (c.format() != ArchiveLayout.FORMAT) {
            throw new Malformed("The case archive has format " + c.format() + "; this hub reads format " + ArchiveLayout.FORMAT);
        }
        List<Archived.File> listed = new ArrayList<>();
        reader.lines(ArchiveLayout.FILES, Archived.File.class, listed::add);
        for (Archived.File f : listed) {
            Path target = work.resolve(Integer.toString(unpacked.size()));
            reader.file(f.entry(), target);
            files.put(f.entry(), f);
            unpacked.put(f.entry(), target);
        }
        CaseRecord created = s.cases().create(p, newCase(c));
        caseId = Ids.format(created.id());
        reader.lines(ArchiveLayout.TASKS, Archived.Task.class, this::task);
        reader.lines(ArchiveLayout.LOGS, Archived.Log.class, this::log);
        reader.lines(ArchiveLayout.COMMENTS, Archived.Comment.class,
                m -> s.comments().addToCase(p, caseId, new NewComment(m.message(), m.external())));
        reader.lines(ArchiveLayout.OBSERVABLES, Archived.Observable.class, this::observable);
        flushObservables();
        reader.lines(ArchiveLayout.PROCEDURES, Archived.Procedure.class, this::procedure);
        flushProcedures();
        reader.lines(ArchiveLayout.PAGES, Archived.Page.class,
                g -> s.pages().create(p, caseId, new PageDraft(g.title(), g.category(), g.content(), g.order())));
        reader.end();
        CaseRecord result = s.cases().get(p, caseId);
        s.audit().record(p, "import", "case", caseId, null, CaseView.of(result));
        return new CaseArchiveService.Imported(result, createdObservables, createdProcedures);
    }

    private NewCase newCase(Archived.Case c) {
        List<CustomFieldInput> fields = c.customFields() == null ? List.of()
                : c.customFields().stream().map(f -> new CustomFieldInput(f.name(), raw(f.value()), f.order())).toList();
        return new NewCase(c.title(), c.description(), c.severity(), Tlp.of(c.tlp()), Pap.of(c.pap()), c.flag(),
                c.startDate(), c.endDate(), c.tags(), c.summary(), member(c.assignee()), c.status(),
                c.resolutionStatus(), c.impactStatus(), fields);
    }

    private void task(Archived.Task t) {
        var created = s.tasks().create(p, caseId, new NewTask(t.title(), t.group(), t.description(),
                TaskStatus.parse(t.status()), t.flag(), t.mandatory(), t.order(), member(t.assignee()), t.dueDate(),
                t.startDate(), t.endDate()));
        if (taskIds.put(t.ref(), Ids.format(created.id())) != null) throw damaged("two tasks are numbered " + t.ref());
    }

    private void log(Archived.Log l) {
        String taskId = taskIds.get(l.task());
        if (taskId == null) throw damaged("a log names task " + l.task() + ", which the archive does not hold");
        List<Upload> uploads = new ArrayList<>();
        for (String entry : l.files() == null ? List.<String>of() : l.files()) {
            Archived.File f = file(entry);
            uploads.add(new Upload(f.name(), f.contentType(), new FileSystemResource(unpacked.get(entry))));
        }
        s.logs().create(p, taskId, new NewLog(l.message(), l.date(), l.includeInTimeline()), uploads);
    }

    private void observable(Archived.Observable o) {
        Attachment stored = o.file() == null ? null : store(file(o.file()), unpacked.get(o.file()));
        observableBatch.add(new ObservableDraft(o.dataType(), o.data(), stored, o.message(), o.tlp(), o.pap(), o.ioc(),
                o.sighted(), o.ignoreSimilarity(), o.startDate(), o.tags() == null ? List.of() : o.tags()));
        if (observableBatch.size() >= BATCH) flushObservables();
    }

    private void flushObservables() {
        if (observableBatch.isEmpty()) return;
        ObservableService.Outcome outcome = s.observables().add(p, Ids.parse(caseId, "Case"), null, List.copyOf(observableBatch));
        if (!outcome.failures().isEmpty()) {
            var refusal = outcome.failures().get(0);
            throw new Invalid("Observable " + refusal.data() + " of the case archive is refused: " + refusal.message());
        }
        createdObservables.addAll(outcome.created());
        observableBatch.clear();
    }

    private void procedure(Archived.Procedure r) {
        procedureBatch.add(new NewProcedure(r.patternId(), r.tactic(), r.occurDate(), r.description()));
        if (procedureBatch.size() >= BATCH) flushProcedures();
    }

    private void flushProcedures() {
        if (procedureBatch.isEmpty()) return;
        createdProcedures.addAll(s.procedures().createInCase(p, caseId, List.copyOf(procedureBatch)));
        procedureBatch.clear();
    }

    private Attachment store(Archived.File f, Path content) {
        try (InputStream in = Files.newInputStream(content)) {
            return s.attachments().store(f.name(), f.contentType(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Archived.File file(String entry) {
        Archived.File f = files.get(entry);
        if (f == null) throw damaged("a record names file " + entry + ", which the archive does not hold");
        return f;
    }

    /** An assignee who is not a member of the importing organisation is left out, not refused: the archive may come from another hub. */
    private String member(String login) {
        return login != null && s.users().isMember(login, p.orgId()) ? login : null;
    }

    /** A custom field value as a client would have sent it. */
    private static RawValue raw(Object v) {
        if (v == null) return new RawValue.Null();
        if (v instanceof String text) return new RawValue.Text(text);
        if (v instanceof Boolean b) return new RawValue.Bool(b);
        if (v instanceof Number n) return new RawValue.Number(new BigDecimal(n.toString()));
        return new RawValue.Structured(String.valueOf(v));
    }

    private static Malformed damaged(String why) {
        return new Malformed("The case archive is damaged: " + why);
    }
}
