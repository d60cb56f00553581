package io.sightline.integrations.misp.model;

/**
 * A MISP organisation as embedded in events ({@code Org}, {@code Orgc}) or returned by
 * {@code GET /organisations/view/{id}}.
 *
 * @param id   numeric id on that MISP server (as a string, as MISP sends it); may be null in feeds
 * @param name organisation name, e.g. {@code CIRCL}
 * @param uuid organisation uuid; may be null
 */
public record MispOrg(String id, String name, String uuid) {
}
