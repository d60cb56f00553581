/**
 * Who may do what: users, organisations, profiles and permissions, API keys, password and key
 * authentication ({@link io.sightline.server.auth.ApiAuthenticationFilter},
 * {@link io.sightline.server.auth.Authenticator}), login throttling and the request's
 * {@link io.sightline.server.auth.Principal}. Also the audit trail's REST route, whose scope is a
 * permission decision.
 */
package io.sightline.server.auth;
