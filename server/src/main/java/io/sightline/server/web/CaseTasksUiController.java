package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Permission;
import io.sightline.server.auth.Principal;
import io.sightline.server.common.Ids;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Slice;
import io.sightline.server.tasklogs.LogRecord;
import io.sightline.server.tasklogs.NewLog;
import io.sightline.server.tasklogs.TaskLogService;
import io.sightline.server.tasks.Change;
import io.sightline.server.tasks.NewTask;
import io.sightline.server.tasks.TaskChanges;
import io.sightline.server.tasks.TaskRecord;
import io.sightline.server.tasks.TaskService;
import io.sightline.server.tasks.TaskStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Tasks tab of a case: its tasks by group with their logs, loaded into the case page by htmx,
 * and the forms that add a task, move it through its statuses and log work on it. Log messages
 * are shown as written (escaped, line breaks kept), never rendered as Markdown or HTML.
 */
@Controller
public class CaseTasksUiController {
    /** A task as the tab shows it, with its newest logs and how many it has in all. */
    public record TaskRow(TaskRecord task, String id, List<LogRecord> logs, long logCount) {}

    /** Tasks per page of the tab, and logs shown under each until all are asked for: a case may hold thousands. */
    static final int TASKS_PER_PAGE = 50;
    static final int LOGS_SHOWN = 3;

    private final TaskService tasks;
    private final TaskLogService logs;

    public CaseTasksUiController(TaskService tasks, TaskLogService logs) {
        this.tasks = tasks;
        this.logs = logs;
    }

    @GetMapping("/cases/{number}/tasks")
    String tab(@PathVariable long number, @RequestParam(defaultValue = "1") int page, Model model) {
        Principal p = CurrentPrincipal.get();
        Slice<TaskRecord> shown = tasks.pageOfCase(p, String.valueOf(number), page, TASKS_PER_PAGE);
        Map<Long, TaskLogService.Recent> recent = logs.recentOfTasks(p, shown.items().stream().map(TaskRecord::id).toList(), LOGS_SHOWN);
        Map<String, List<TaskRow>> groups = new LinkedHashMap<>();
        for (TaskRecord t : shown.items()) {
            TaskLogService.Recent r = recent.get(t.id());
            groups.computeIfAbsent(t.group(), g -> new java.util.ArrayList<>()).add(new TaskRow(t, Ids.format(t.id()), r.newest(), r.total()));
        }
        model.addAttribute("number", number);
        model.addAttribute("groups", groups);
        model.addAttribute("shown", shown);
        model.addAttribute("mayManage", p.can(Permission.MANAGE_TASK));
        return "cases/tasks :: tasks";
    }

    /** Every log of one task of the case, newest first: what "Show all logs" loads in place of the newest few. */
    @GetMapping("/cases/{number}/tasks/{id}/logs")
    String allLogs(@PathVariable long number, @PathVariable String id, Model model) {
        model.addAttribute("logs", logs.ofTask(CurrentPrincipal.get(), inCase(number, id)));
        return "cases/tasks :: allLogs";
    }

    @PostMapping("/cases/{number}/tasks")
    String add(@PathVariable long number, @RequestParam(defaultValue = "") String title,
               @RequestParam(defaultValue = "") String group, RedirectAttributes flash) {
        NewTask task = new NewTask(Forms.blank(title) ? "" : title.strip(), Forms.blank(group) ? null : group.strip(),
                null, null, null, null, null, null, null, null, null);
        if (task.title().isEmpty()) throw new io.sightline.server.core.Invalid("Title must not be empty");
        tasks.create(CurrentPrincipal.get(), String.valueOf(number), task);
        flash.addFlashAttribute("notice", "Task added");
        return tasksTab(number);
    }

    @PostMapping("/cases/{number}/tasks/{id}/status")
    String status(@PathVariable long number, @PathVariable String id, @RequestParam String status, RedirectAttributes flash) {
        TaskStatus to = TaskStatus.parse(status);
        tasks.update(CurrentPrincipal.get(), inCase(number, id), new TaskChanges(Change.absent(), Change.absent(),
                Change.absent(), Change.to(to), Change.absent(), Change.absent(), Change.absent(), Change.absent(),
                Change.absent(), Change.absent(), Change.absent()));
        flash.addFlashAttribute("notice", "Task set to " + to.name());
        return tasksTab(number);
    }

    @PostMapping("/cases/{number}/tasks/{id}/logs")
    String log(@PathVariable long number, @PathVariable String id, @RequestParam(defaultValue = "") String message,
               RedirectAttributes flash) {
        if (message.isBlank()) throw new io.sightline.server.core.Invalid("Message must not be empty");
        logs.create(CurrentPrincipal.get(), inCase(number, id), new NewLog(message, null, null), List.of());
        flash.addFlashAttribute("notice", "Log added");
        return tasksTab(number);
    }

    /** The task's id, once checked to be a task of this case (a form names both). */
    private String inCase(long number, String id) {
        Principal p = CurrentPrincipal.get();
        if (tasks.get(p, id).caseId() != tasks.caseId(p, String.valueOf(number))) {
            throw new NotFound("Task " + id + " not found in case #" + number);
        }
        return id;
    }

    private static String tasksTab(long number) {
        return "redirect:/cases/" + number + "?tab=tasks";
    }
}
