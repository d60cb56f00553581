package io.sightline.server.connectors.misp.importing;

import io.sightline.integrations.misp.mapping.MispAlertDraft;

import java.util.List;

/**
 * An event on its way through the {@link ImportPipeline}. The reader fills in what it knows
 * (alert, mark); the writer threads alone set the alert targets, on the first chunk written, and
 * count the chunks written: the chunks of one event are written in turn, each transaction starting
 * after the previous one ended, which also makes its changes visible to the next writer thread.
 *
 * @param mark marks the observables this import saw; at the end of the event the alert's other
 *             imported observables (their attributes were deleted in MISP) are removed
 */
final class ImportingEvent {
    final MispAlertDraft alert;
    final long mark;
    final boolean known;
    /** The event's alert in each organisation; null until the first chunk is written. */
    List<MispImportStore.AlertTarget> targets;
    /** Chunks written so far; the first chunk of a just-created alert cannot meet existing rows. */
    int chunksWritten;

    ImportingEvent(MispAlertDraft alert, long mark, boolean known) {
        this.alert = alert;
        this.mark = mark;
        this.known = known;
    }
}
