package io.sightline.integrations.stixify;

/**
 * Thrown by a {@link ReportSink} when the failure it reports belongs to an <em>earlier</em> report
 * of the dossier (a delivery that finishes in the background, such as AMQP publishing while the
 * next report is read): the failure is counted against {@link #reportId()}, not against the
 * report being delivered when it surfaced.
 */
public final class ReportFailedException extends RuntimeException {
    private final String reportId;

    public ReportFailedException(String reportId, String message, Throwable cause) {
        super(message, cause);
        this.reportId = reportId;
    }

    public String reportId() {
        return reportId;
    }
}
