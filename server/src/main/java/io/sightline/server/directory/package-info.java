/**
 * The auth package's records in {@code /api/v1/query}: profiles ({@code listProfile}) and the
 * users of the caller's organisation ({@code listUser}), and the users a case, an alert or a task
 * may be assigned to ({@code assignableUsers}). They sit here, above the query engine,
 * because the engine itself depends on {@code auth} for the caller.
 */
package io.sightline.server.directory;
