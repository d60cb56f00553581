package io.sightline.integrations.misp;

/**
 * The user of the API key ({@code GET /users/view/me}). The email is kept for display only.
 *
 * @param id     user id
 * @param orgId  id of the user's organisation, to resolve with {@link MispClient#organisation}
 * @param email  user email
 * @param roleId role id
 */
public record MispUser(String id, String orgId, String email, String roleId) {
}
