/**
 * The auth package's records in {@code /api/v1/query}: profiles ({@code listProfile}), the
 * users of the caller's organisation ({@code listUser}), the users a case, an alert or a task
 * may be assigned to ({@code assignableUsers}) and the organisations the caller sees
 * ({@code listOrganisation}, {@code getOrganisation}). They sit here, above the query engine,
 * because the engine itself depends on {@code auth} for the caller.
 */
package io.sightline.server.directory;
