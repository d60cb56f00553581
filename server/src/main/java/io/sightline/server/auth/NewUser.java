package io.sightline.server.auth;

/**
 * A user to create with a profile in an organisation (the caller's when {@code organisation} is
 * {@code null}). Login and profile are required; without a password the user signs in with API
 * keys only. The service checks the rules (login without spaces, password rules, who may grant
 * which profile).
 *
 * @param name shown name; the login when {@code null}
 * @param email the user's address, or null
 */
public record NewUser(String login, String name, String profile, String organisation, String password, String email) {}
