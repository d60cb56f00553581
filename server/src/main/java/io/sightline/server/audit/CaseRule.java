package io.sightline.server.audit;

/**
 * Who sees a case, as the package that owns the rule ({@code cases.CaseVisibility}, above audit)
 * gives it: every listing of the trail leaves out the entries about a case hidden from its reader.
 */
public interface CaseRule {
    /**
     * SQL true unless the case whose id is the SQL {@code caseId} (null: no case) is, or was when
     * it was deleted, hidden from the user bound to each of its {@link #USER_PARAMETERS}
     * parameters; the entry's organisation is checked apart.
     */
    String notHidden(String caseId);

    /** How many times {@link #notHidden} binds the reader. */
    int USER_PARAMETERS = 2;
}
