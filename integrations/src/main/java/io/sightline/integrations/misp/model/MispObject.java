package io.sightline.integrations.misp.model;

/**
 * A MISP object (a group of attributes such as {@code file} or {@code domain-ip}). Attributes that
 * belong to an object carry it in {@link MispAttribute#object()}; the object's own attribute list
 * is never held in memory.
 *
 * @param id           numeric id, null in feed exports
 * @param uuid         object uuid
 * @param name         template name, e.g. {@code file}
 * @param metaCategory e.g. {@code file}, {@code network}
 * @param comment      free text, may be empty
 * @param timestamp    last modification, epoch seconds
 * @param deleted      soft-deleted in MISP
 */
public record MispObject(String id, String uuid, String name, String metaCategory, String comment,
                         long timestamp, boolean deleted) {
}
