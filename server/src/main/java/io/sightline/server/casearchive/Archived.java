package io.sightline.server.casearchive;

import java.util.List;

/**
 * What a case archive holds, one record kind per zip entry ({@link ArchiveLayout}): the fields that
 * make the content, not the ids, numbers or authorship of the hub that wrote it. A file is named
 * by the zip entry that carries its bytes.
 */
final class Archived {
    private Archived() {}

    /** {@code case.json}; {@code format} lets a later hub read older archives. */
    record Case(int format, String title, String description, int severity, int tlp, int pap, boolean flag,
                String status, long startDate, Long endDate, String assignee, String summary,
                String resolutionStatus, String impactStatus, List<String> tags, List<Field> customFields) {}

    /** A custom field value: its JSON scalar, or null for a field set without a value. */
    record Field(String name, Object value, int order) {}

    /** {@code files.jsonl}: the description of a file whose bytes are in the entry {@code entry}. */
    record File(String entry, String name, String contentType) {}

    /** {@code tasks.jsonl}; {@code ref} is what its logs name it by. */
    record Task(int ref, String title, String group, String description, String status, boolean flag,
                boolean mandatory, int order, String assignee, Long dueDate, Long startDate, Long endDate) {}

    /** {@code logs.jsonl}, after the tasks. */
    record Log(int task, String message, long date, Long includeInTimeline, List<String> files) {}

    /** {@code comments.jsonl}. */
    record Comment(String message, boolean external) {}

    /** {@code observables.jsonl}; {@code file} is the entry of its file, or null. */
    record Observable(String dataType, String data, String file, String message, int tlp, int pap, boolean ioc,
                      boolean sighted, boolean ignoreSimilarity, long startDate, List<String> tags) {}

    /** {@code procedures.jsonl}. */
    record Procedure(String patternId, String tactic, long occurDate, String description) {}

    /** {@code pages.jsonl}. */
    record Page(String title, String category, String content, int order) {}
}
