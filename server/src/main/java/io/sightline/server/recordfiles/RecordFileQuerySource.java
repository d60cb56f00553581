package io.sightline.server.recordfiles;

import io.sightline.server.auth.Principal;
import io.sightline.server.cases.CaseVisibility;
import io.sightline.server.query.QueryField.Kind;
import io.sightline.server.query.QueryField;
import io.sightline.server.query.QueryLink;
import io.sightline.server.query.QuerySource;
import io.sightline.server.query.SqlCondition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Files of cases, alerts and organisations in {@code /api/v1/query}: {@code listAttachment} and the
 * {@code attachments} of a case, an alert or an organisation (its own files only), as thehive4py's
 * {@code find_attachments} asks for them.
 */
@Component
class RecordFileQuerySource implements QuerySource {
    private static final String FILE = "(SELECT a.%s FROM attachment a WHERE a.id = t.id)";
    private static final List<QueryField> FIELDS = List.of(
            QueryField.column("_id", "id", Kind.ID),
            QueryField.column("_createdAt", "created_at", Kind.NUMBER),
            QueryField.column("_createdBy", "created_by", Kind.STRING),
            QueryField.computed("name", FILE.formatted("name"), Kind.STRING),
            QueryField.computed("size", FILE.formatted("size"), Kind.NUMBER),
            QueryField.computed("contentType", FILE.formatted("content_type"), Kind.STRING),
            QueryField.computed("id", FILE.formatted("sha256"), Kind.STRING));

    private final RecordFileRepository files;

    RecordFileQuerySource(RecordFileRepository files) {
        this.files = files;
    }

    @Override public String entity() { return "attachment"; }
    @Override public String label() { return "Attachment"; }
    @Override public String table() { return "record_file"; }
    @Override public String listStep() { return "listAttachment"; }
    @Override public List<QueryField> fields() { return FIELDS; }

    /** The organisation's records, except those in a case hidden from the caller ({@link CaseVisibility}). */
    @Override
    public SqlCondition scope(Principal caller) {
        return CaseVisibility.belowCases("t", "t.case_id", caller);
    }

    @Override
    public List<?> views(List<Long> ids) {
        return QuerySource.inOrderOf(ids, files.byIds(ids), RecordFile::id).stream().map(RecordFileView::of).toList();
    }

    @Override
    public List<QueryLink> linksIn() {
        return List.of(new QueryLink("attachments", "case", "t.case_id IN (" + QueryLink.PARENTS + ")"),
                new QueryLink("attachments", "alert", "t.alert_id IN (" + QueryLink.PARENTS + ")"),
                new QueryLink("attachments", "organisation",
                        "t.case_id IS NULL AND t.alert_id IS NULL AND t.org_id IN (" + QueryLink.PARENTS + ")"));
    }
}
