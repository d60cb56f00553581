package io.sightline.server.tasklogs;

import io.sightline.server.tasks.Change;

/** What a PATCH of a log may change: its message, and its timeline date (null removes it from the timeline). */
public record LogChanges(Change<String> message, Change<Long> includeInTimeline) {}
