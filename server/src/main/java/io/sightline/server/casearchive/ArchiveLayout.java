package io.sightline.server.casearchive;

import java.util.List;

/**
 * The zip entries of a case archive, in the order they are written and must be read: the files'
 * descriptions, then their bytes, before the records that name them; tasks before their logs.
 */
final class ArchiveLayout {
    static final int FORMAT = 1;
    static final String CASE = "case.json";
    static final String FILES = "files.jsonl";
    static final String FILE_PREFIX = "files/";
    static final String TASKS = "tasks.jsonl";
    static final String LOGS = "logs.jsonl";
    static final String COMMENTS = "comments.jsonl";
    static final String OBSERVABLES = "observables.jsonl";
    static final String PROCEDURES = "procedures.jsonl";
    static final String PAGES = "pages.jsonl";
    /** The record entries after the files, in order. */
    static final List<String> RECORDS = List.of(TASKS, LOGS, COMMENTS, OBSERVABLES, PROCEDURES, PAGES);

    private ArchiveLayout() {}

    static String fileEntry(int n) {
        return FILE_PREFIX + n;
    }
}
