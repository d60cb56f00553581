package io.sightline.server.web;

import io.sightline.server.auth.CurrentPrincipal;
import io.sightline.server.auth.Principal;
import io.sightline.server.auth.UserService;
import io.sightline.server.tasks.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation's task list ({@code /tasks}): filtered by assignee, status and title, sorted by
 * any column, paged, each task linking to its case's Tasks tab. {@code /tasks/mine}, where the home
 * page's "My tasks" leads, is the same list showing the caller's tasks still to do.
 */
@Controller
public class TaskListUiController {
    private final TaskService tasks;
    private final UserService users;

    public TaskListUiController(TaskService tasks, UserService users) {
        this.tasks = tasks;
        this.users = users;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String assignee, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(defaultValue = "1") int page, Model model) {
        return show(TaskListRequest.of(assignee, status, q, sort, dir, page), model);
    }

    @GetMapping("/tasks/mine")
    String mine(Model model) {
        return show(TaskListRequest.mine(CurrentPrincipal.get().login()), model);
    }

    private String show(TaskListRequest request, Model model) {
        Principal p = CurrentPrincipal.get();
        model.addAttribute("result", tasks.list(p, request.query()));
        model.addAttribute("filters", request.shown());
        FormErrors listErrors = new FormErrors();
        request.errors().forEach(listErrors::add);
        model.addAttribute("listErrors", listErrors);
        model.addAttribute("headings", request.headings());
        model.addAttribute("pageBase", request.pageBase());
        model.addAttribute("statuses", TaskListRequest.statuses());
        model.addAttribute("users", users.list(p));
        model.addAttribute("mine", request.assignee().equals(p.login()) && request.status().equals(TaskListRequest.OPEN));
        return "tasks/list";
    }
}
