package io.sightline.integrations.stixify;

/**
 * A report of a dossier as listed by {@code GET v1/dossiers/{id}/reports/}.
 *
 * @param id report id ({@code report--<uuid>}), passed as is to the objects endpoint
 * @param name display name: {@code stixify_report_metadata.name}, else the item's {@code name}
 */
public record StixifyReport(String id, String name) {}
