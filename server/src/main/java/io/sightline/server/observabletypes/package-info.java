/**
 * Custom observable data types (TheHive 5's {@code /api/v1/observable/type}): the platform-wide
 * {@code observable_type} table, defined by platform admins, listed together with the configured
 * built-in types, and read by {@link io.sightline.server.common.ObservableTypes} so that observables
 * of a custom type are accepted.
 */
package io.sightline.server.observabletypes;
