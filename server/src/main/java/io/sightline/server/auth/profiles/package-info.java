/**
 * Profiles as data (TheHive 5's {@code /api/v1/profile}): the {@code profile} table, the cached
 * {@link io.sightline.server.auth.profiles.ProfileCatalog} every membership's profile is resolved
 * through, and the rules for defining custom profiles (no one defines a profile wider than their
 * own; only a platform admin touches platform profiles). Built-ins are fixed.
 */
package io.sightline.server.auth.profiles;
