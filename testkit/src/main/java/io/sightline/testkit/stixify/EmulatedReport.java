package io.sightline.testkit.stixify;

import java.time.Instant;

/**
 * A report held by an emulated dossier.
 *
 * @param id the report id ({@code report--<uuid>}) used in the dossier listing and the objects URL
 * @param name the display name ({@code stixify_report_metadata.name})
 * @param addedAt when the report was added to the dossier; {@code added_after} filters on it
 * @param source the report's STIX objects
 */
public record EmulatedReport(String id, String name, Instant addedAt, ReportSource source) {}
