package io.sightline.server.casearchive;

import io.sightline.server.attachments.AttachmentStore;
import io.sightline.server.audit.AuditLog;
import io.sightline.server.auth.UserRepository;
import io.sightline.server.cases.CaseService;
import io.sightline.server.comments.CommentService;
import io.sightline.server.observables.ObservableService;
import io.sightline.server.pages.PageService;
import io.sightline.server.procedures.ProcedureService;
import io.sightline.server.tasklogs.TaskLogService;
import io.sightline.server.tasks.TaskService;
import org.springframework.stereotype.Component;

/** The services an {@link ArchiveImport} writes through, each the owner of its records. */
@Component
record ImportServices(CaseService cases, TaskService tasks, TaskLogService logs, CommentService comments,
                      ObservableService observables, ProcedureService procedures, PageService pages,
                      AttachmentStore attachments, UserRepository users, AuditLog audit) {}
