package io.sightline.server.web;

import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.attachments.Downloads;
import io.sightline.server.attachments.Upload;
import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.UserService;
import io.sightline.server.common.Ids;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Slice;
import io.sightline.server.core.Text;
import io.sightline.server.tasklogs.LogFile;
import io.sightline.server.tasklogs.LogRecord;
import io.sightline.server.tasklogs.NewLog;
import io.sightline.server.tasklogs.TaskLogService;
import io.sightline.server.tasks.Change;
import io.sightline.server.tasks.NewTask;
import io.sightline.server.tasks.TaskChanges;
import io.sightline.server.tasks.TaskInput;
import io.sightline.server.tasks.TaskRecord;
import io.sightline.server.tasks.TaskService;
import io.sightline.server.tasks.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Tasks tab of a case: its tasks by group with their logs and the logs' files, loaded into the
 * case page by htmx, and the forms that add a task, edit it (title, group, description, due date,
 * assignee, flag, mandatory, order), move it through its statuses, log work on it with files, and
 * download or delete those files. With htmx each form swaps the tab in place (a refused edit comes
 * back as typed, each message at its field); without scripts it posts and comes back to the case.
 */
@Controller
public class CaseTasksUiController {
    /** A task as the tab shows it: its newest logs, how many it has in all, and its edit form (as stored, or as refused). */
    public record TaskRow(TaskRecord task, String id, List<LogRecord> logs, long logCount, TaskForm form, FormErrors errors) {}

    /** Tasks per page of the tab, and logs shown under each until all are asked for: a case may hold thousands. */
    static final int TASKS_PER_PAGE = 50;
    static final int LOGS_SHOWN = 3;

    private final TaskService tasks;
    private final TaskLogService logs;
    private final UserService users;
    private final AttachmentStore files;

    public CaseTasksUiController(TaskService tasks, TaskLogService logs, UserService users, AttachmentStore files) {
        this.tasks = tasks;
        this.logs = logs;
        this.users = users;
        this.files = files;
    }

    @GetMapping("/cases/{number}/tasks")
    String tab(@PathVariable long number, @RequestParam(defaultValue = "1") int page, Model model) {
        return tab(number, page, null, null, null, model);
    }

    /** Every log of one task of the case, newest first: what "Show all logs" loads in place of the newest few. */
    @GetMapping("/cases/{number}/tasks/{id}/logs")
    String allLogs(@PathVariable long number, @PathVariable String id, Model model) {
        model.addAttribute("logs", logs.ofTask(CurrentPrincipal.get(), inCase(number, id)));
        model.addAttribute("number", number);
        model.addAttribute("taskId", id);
        model.addAttribute("mayManage", CurrentPrincipal.get().can(Permission.MANAGE_TASK));
        return "cases/tasks :: allLogs";
    }

    @PostMapping("/cases/{number}/tasks")
    String add(@PathVariable long number, @RequestParam(defaultValue = "") String title,
               @RequestParam(defaultValue = "") String group, RedirectAttributes flash) {
        NewTask task = new NewTask(Text.required("title", "task", title.strip(), TaskInput.MAX_TITLE),
                Forms.blank(group) ? null : Text.storable("group", "task", group.strip(), TaskInput.MAX_GROUP),
                null, null, null, null, null, null, null, null, null);
        tasks.create(CurrentPrincipal.get(), String.valueOf(number), task);
        flash.addFlashAttribute("notice", "Task added");
        return tasksTab(number);
    }

    /** The edit form: every field at once, as the API's PATCH. A refusal shows the form again as typed. */
    @PostMapping("/cases/{number}/tasks/{id}")
    String edit(@PathVariable long number, @PathVariable String id, @RequestParam Map<String, String> posted,
                @RequestParam(defaultValue = "1") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, RedirectAttributes flash) {
        TaskForm typed = TaskForm.of(posted);
        FormErrors errors = new FormErrors();
        TaskChanges changes = typed.changes(errors);
        try {
            if (changes != null) tasks.update(CurrentPrincipal.get(), inCase(number, id), changes);
        } catch (Invalid refused) {
            errors.refused(refused, FormErrors.hint("assignee", "assignee"), FormErrors.hint("title", "title"),
                    FormErrors.hint("group", "group"), FormErrors.hint("description", "description"));
        }
        if (errors.any()) {
            if (htmx == null) throw new Invalid(String.join("; ", allMessages(errors)));
            return tab(number, page, id, typed, errors, model);
        }
        return answer(number, page, "Task saved", htmx, model, flash);
    }

    @PostMapping("/cases/{number}/tasks/{id}/status")
    String status(@PathVariable long number, @PathVariable String id, @RequestParam String status,
                  @RequestParam(defaultValue = "1") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes flash) {
        TaskStatus to = TaskStatus.parse(status);
        tasks.update(CurrentPrincipal.get(), inCase(number, id), new TaskChanges(Change.absent(), Change.absent(),
                Change.absent(), Change.to(to), Change.absent(), Change.absent(), Change.absent(), Change.absent(),
                Change.absent(), Change.absent(), Change.absent()));
        return answer(number, page, "Task set to " + to.name(), htmx, model, flash);
    }

    /** A log with the files chosen beside it; the message is required, as TheHive's. */
    @PostMapping("/cases/{number}/tasks/{id}/logs")
    String log(@PathVariable long number, @PathVariable String id, @RequestParam(defaultValue = "") String message,
               @RequestParam(value = "attachments", required = false) List<MultipartFile> attachments,
               @RequestParam(defaultValue = "1") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
               Model model, RedirectAttributes flash) {
        if (message.isBlank()) throw new Invalid("Message must not be empty");
        List<Upload> uploads = new ArrayList<>();
        if (attachments != null) for (MultipartFile f : attachments) if (!f.isEmpty()) uploads.add(Upload.of(f));
        logs.create(CurrentPrincipal.get(), inCase(number, id), new NewLog(message, null, null), uploads);
        return answer(number, page, uploads.isEmpty() ? "Log added" : "Log added with " + uploads.size() + " file(s)",
                htmx, model, flash);
    }

    @GetMapping("/cases/{number}/tasks/{id}/logs/{logId}/files/{fileId}")
    @ResponseBody
    ResponseEntity<Resource> download(@PathVariable long number, @PathVariable String id, @PathVariable String logId,
                                      @PathVariable String fileId) {
        LogFile f = logs.file(CurrentPrincipal.get(), ofTask(number, id, logId), fileId);
        var path = files.file(f.file()).orElseThrow(() -> new NotFound("File " + fileId + " of log " + logId + " is missing"));
        return Downloads.asIs(f.file(), path);
    }

    @PostMapping("/cases/{number}/tasks/{id}/logs/{logId}/files/{fileId}/delete")
    String deleteFile(@PathVariable long number, @PathVariable String id, @PathVariable String logId,
                      @PathVariable String fileId, @RequestParam(defaultValue = "1") int page,
                      @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes flash) {
        Principal p = CurrentPrincipal.get();
        String name = logs.file(p, ofTask(number, id, logId), fileId).file().name();
        logs.deleteFile(p, logId, fileId);
        return answer(number, page, "File " + name + " deleted", htmx, model, flash);
    }

    /** The tab at one page; task {@code editing}, when given, shows its edit form as {@code typed} with its refusals. */
    private String tab(long number, int page, String editing, TaskForm typed, FormErrors refusals, Model model) {
        Principal p = CurrentPrincipal.get();
        Slice<TaskRecord> shown = tasks.pageOfCase(p, String.valueOf(number), page, TASKS_PER_PAGE);
        Map<Long, TaskLogService.Recent> recent = logs.recentOfTasks(p, shown.items().stream().map(TaskRecord::id).toList(), LOGS_SHOWN);
        Map<String, List<TaskRow>> groups = new LinkedHashMap<>();
        for (TaskRecord t : shown.items()) {
            TaskLogService.Recent r = recent.get(t.id());
            String id = Ids.format(t.id());
            boolean refused = id.equals(editing);
            groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(new TaskRow(t, id, r.newest(), r.total(),
                    refused ? typed : TaskForm.of(t), refused ? refusals : FormErrors.none()));
        }
        model.addAttribute("number", number);
        model.addAttribute("groups", groups);
        model.addAttribute("shown", shown);
        model.addAttribute("mayManage", p.can(Permission.MANAGE_TASK));
        model.addAttribute("users", p.can(Permission.MANAGE_TASK) ? users.list(p) : List.of());
        return "cases/tasks :: tasks";
    }

    /** After a change: the tab again with the notice (htmx), or back to the case's Tasks tab. */
    private String answer(long number, int page, String notice, String htmx, Model model, RedirectAttributes flash) {
        if (htmx == null) {
            flash.addFlashAttribute("notice", notice);
            return tasksTab(number);
        }
        tab(number, page, null, null, null, model);
        model.addAttribute("notice", notice);
        return "cases/tasks :: answer";
    }

    private static List<String> allMessages(FormErrors errors) {
        List<String> all = new ArrayList<>(errors.form());
        for (String field : List.of("title", "group", "description", "dueDate", "assignee", "order")) all.addAll(errors.at(field));
        return all;
    }

    /** The task's id, once checked to be a task of this case (a form names both). */
    private String inCase(long number, String id) {
        Principal p = CurrentPrincipal.get();
        if (tasks.get(p, id).caseId() != tasks.caseId(p, String.valueOf(number))) {
            throw new NotFound("Task " + id + " not found in case #" + number);
        }
        return id;
    }

    /** The log's id, once checked to be a log of this task of this case. */
    private String ofTask(long number, String id, String logId) {
        long taskId = tasks.get(CurrentPrincipal.get(), inCase(number, id)).id();
        if (logs.get(CurrentPrincipal.get(), logId).taskId() != taskId) {
            throw new NotFound("Log " + logId + " not found in task " + id);
        }
        return logId;
    }

    private static String tasksTab(long number) {
        return "redirect:/cases/" + number + "?tab=tasks";
    }
}
