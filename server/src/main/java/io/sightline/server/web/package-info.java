/**
 * The hub's web UI: server-rendered Thymeleaf pages with htmx for in-place updates, served by the
 * hub itself (no JavaScript build, no CDN).
 *
 * <p>Security: a session opened by a password login (accounts without a password, used only
 * through API keys, cannot log in), a cookie that is HttpOnly and SameSite=Lax, CSRF tokens on
 * every state-changing request (a hidden field in forms, the {@code X-CSRF-TOKEN} header on htmx
 * requests, read from the page's meta tag by {@code static/js/sightline.js}) and a strict
 * Content-Security-Policy (scripts and styles from the hub only). {@link io.sightline.server.web.UiSessionFilter}
 * turns the session into the same {@code Principal} the REST API uses, in the organisation chosen
 * with the selector, so the controllers here only translate forms into calls of the existing
 * services. Everything shown is rendered with {@code th:text}: titles, descriptions and reasons
 * coming from users, MISP, Cortex or the intel store are never interpreted as HTML. The one
 * exception is analysts' Markdown (task logs, comments, pages, case and alert descriptions, timeline
 * texts), shown through the {@code markdown}/{@code folded} fragments only: {@link io.sightline.server.web.Markdown}
 * renders it without raw HTML and passes the result through an allow-list.
 *
 * <p>Routes: {@code /login}, {@code /logout}, {@code /organisation} (selector); {@code /} (home:
 * the caller's open cases and tasks, new alerts by severity and source, recent activity, connector
 * health; {@link io.sightline.server.web.HomeController}), {@code /tasks} (the organisation's
 * tasks: views, filters by assignee, status and title, sortable, paged; {@link io.sightline.server.web.TaskListUiController})
 * and {@code /tasks/mine} (the same list on the caller's tasks still to do); {@code /cases} (search, filters including
 * {@code stage=open|closed}, paging by case number, newest first), {@code /cases/new}, {@code /cases/{number}?tab=details|observables|tasks|audit},
 * {@code /cases/{number}/details|status|close|observables}; {@code /cases/{number}/links} (the links
 * card: {@code POST} adds a case by number or a URL under a link type, {@code /links/remove} removes
 * one; {@link io.sightline.server.web.CaseLinksUiController}); {@code /cases/{number}/tasks} (the Tasks
 * tab), {@code /cases/{number}/tasks/{id}} (edit), {@code /cases/{number}/tasks/{id}/status|logs},
 * {@code /cases/{number}/tasks/{id}/logs/{logId}/files/{fileId}[/delete]} (a log's file); {@code /cases/{number}/notes}
 * (pages and comments), {@code /cases/{number}/comments} and {@code /alerts/{id}/comments} (one comment
 * thread, {@code /{id}} edits, {@code /{id}/delete} deletes); {@code GET /cases/{number}/observables} and
 * {@code GET /alerts/{id}/observables} (the observables table for htmx: {@code type, ioc=yes|no, q,
 * sort, dir, page}, see {@link io.sightline.server.web.ObservableFilters}; without htmx a redirect to
 * the page with the same filters), {@code POST /cases/{number}/observables/bulk} and
 * {@code POST /alerts/{id}/observables/bulk} (one action on the ticked {@code ids}: {@code ioc-on,
 * ioc-off, add-tags, set-tlp, delete, analyze}); {@code /observables/{id}} (row),
 * {@code /observables/{id}/edit|delete|download}, {@code /observables/{id}/jobs} (run an analyzer),
 * {@code /observables/{id}/jobs/all} (every analyzer accepting its type),
 * {@code /jobs/{id}/status} (polled fragment), {@code /jobs/{id}/report}; {@code /cases/{number}/export}
 * (MISP export card and export); {@code /alerts} (to triage by default; sort, size, status),
 * {@code /alerts/bulk} (ignore, promote, merge or delete the selected alerts, one result each; a
 * deletion is confirmed on a page first), {@code /alerts/merge-targets} (the case search of a merge,
 * an htmx fragment), {@code /alerts/{id}} (with its history), {@code /alerts/{id}/promote|merge|ignore}; {@code /admin/organisations}, {@code /admin/users},
 * {@code /admin/users/{login}/profile|lock|password|keys}, {@code /admin/users/{login}/keys/{id}/revoke},
 * {@code /account/keys}; {@code /intel} (search), {@code /intel/reports/{ref}}, {@code /intel/dossier?source=&id=};
 * {@code /about}, {@code /about/connectors/{name}/test}.
 *
 * <p>Forms: a refused post shows its page again with what was typed and every refusal at its field
 * ({@link io.sightline.server.web.FormErrors}, the {@code fieldError}/{@code formErrors} fragments).
 * Forms with long texts state the hub's body limit ({@link io.sightline.server.web.FormLimits}) and
 * check it in the browser before sending; a post over it still gets a page, not JSON
 * ({@code OversizedFormPage}). Long texts show their first lines and "Show all" ({@code longText}).
 *
 * <p>The layout's menu is one list of links rendered twice: a bar on wide screens and a native
 * {@code <details>} "Menu" below 900 px (keyboard and no-script friendly); the current item carries
 * {@code aria-current="page"} ({@link io.sightline.server.web.NavSection}). A form with
 * {@code data-confirm="question"} asks before it is sent (locking a user, ignoring an alert,
 * closing a case, revoking a key).
 *
 * <p>Forms: a refused form comes back as typed with each message at its field ({@code FormErrors}
 * through the {@code fieldError} fragment). The add-observable form adds nothing while any field or
 * value line breaks a rule (each refused line named by its number, from
 * {@code ObservableDrafts.problems}); a value the case already holds is merged, and said so.
 *
 * <p>Extension points for the connectors:
 * <ul>
 *   <li>Observable rows: a bean implementing {@link io.sightline.server.web.ObservableRowExtension}
 *   for slot {@code intel} or {@code analyzers}; its data is rendered by the matching fragment of
 *   {@code templates/observables/slots.html}, which shows an empty state while no bean fills it.
 *   Analyzer report badges are read from the observable's {@code reports} column (TheHive's
 *   {@code {analyzer: {taxonomies: [...]}}} shape) by {@link io.sightline.server.web.ReportBadge}.</li>
 *   <li>Case page: the {@code export} fragment of {@code templates/cases/slots.html} (MISP export),
 *   loaded from {@link io.sightline.server.web.MispExportUiController}.</li>
 *   <li>About page: every {@code Connector} bean is listed from its typed
 *   {@code ConnectorHealth} ({@link io.sightline.server.web.ConnectorStatusView}); the "Test
 *   connection" button calls the runtime's {@code ConnectionTester} as the session user, the same
 *   service behind {@code POST /api/v1/connector/{name}/test}.</li>
 * </ul>
 */
package io.sightline.server.web;
