package io.sightline.server.connectors.stixify;

import java.util.List;

/**
 * Some reports of a dossier (or its listing) failed: the dossier's cursor did not move, so the
 * failed reports are listed again on the next run. The message is the health's last error.
 */
public class StixifySyncException extends RuntimeException {
    private final List<String> failures;

    public StixifySyncException(String dossierName, String dossierId, int delivered, List<String> failures) {
        super("dossier " + dossierName + " (" + dossierId + "): " + failures.size() + " failure(s), " + delivered
                + " report(s) stored, cursor kept; " + String.join("; ", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
