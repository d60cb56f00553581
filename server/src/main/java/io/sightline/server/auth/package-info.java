/**
 * Who may do what: users, organisations and a user's organisations, profiles and permissions (the
 * TheHive permission names they map to; custom profiles in {@code auth.profiles}), API keys, password and key
 * authentication ({@link io.sightline.server.auth.ApiAuthenticationFilter},
 * {@link io.sightline.server.auth.Authenticator}), login throttling and the request's
 * {@link io.sightline.server.auth.Principal}. Also the audit trail's REST route, whose scope is a
 * permission decision.
 */
package io.sightline.server.auth;
