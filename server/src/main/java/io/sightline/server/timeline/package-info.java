/**
 * The timeline of a case (TheHive 5's {@code GET /api/v1/case/{id}/timeline}) and its custom
 * events. Owns the {@code custom_event} table. The automatic events are read from what the hub
 * already records (the case, its observables and their analyzer jobs, the alerts imported into it,
 * its procedures); another package adds its own events by declaring a {@link
 * io.sightline.server.timeline.TimelineSource} bean, and {@link io.sightline.server.timeline.AuditEvents}
 * turns the audit entries of any object type (Task, Log…) into events for such a source.
 */
package io.sightline.server.timeline;
