/**
 * Small shared pieces under the aggregates: TheHive ids, TLP and PAP levels (parsed from a number
 * or a name; reading them from JSON is the API's), tags, the configured observable types and their
 * value checks, a field change of a partial update ({@code Change}: kept, cleared or set), the SQL
 * dialect in use, owner-only file creation and {@code FirstRows} (a list's first rows with its
 * total). Nothing here depends on an aggregate package.
 */
package io.sightline.server.common;
