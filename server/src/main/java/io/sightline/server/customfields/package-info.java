/**
 * Custom fields (TheHive 5): the platform-wide definitions (table {@code custom_field}, changed by
 * platform admins only, read by everyone) and their TheHive routes; the typed value model
 * ({@link io.sightline.server.customfields.CustomFieldValue}) that checks a value against its
 * definition; and the value store of cases, alerts and case templates (table
 * {@code custom_field_value}), which the owners of those records call through
 * {@link io.sightline.server.customfields.CustomFieldValues}.
 */
package io.sightline.server.customfields;
