package io.sightline.server.intel;

/**
 * The reports a page of the intel store is about: one report, or every report of a dossier. Its
 * SQL condition is over {@code intel_report r}, for the intel pages and for the observables that
 * look for cases and alerts carrying the scope's values.
 */
public sealed interface IntelScope {
    /** The condition on {@code r} and its parameters. */
    String condition();

    Object[] parameters();

    record Report(long ref) implements IntelScope {
        public String condition() {
            return "r.id = ?";
        }

        public Object[] parameters() {
            return new Object[] {ref};
        }
    }

    record Dossier(String source, String dossierId) implements IntelScope {
        public String condition() {
            return "r.source = ? AND r.dossier_id = ?";
        }

        public Object[] parameters() {
            return new Object[] {source, dossierId};
        }
    }
}
