package io.sightline.server.audit;

/**
 * Whoever an audit entry names: the organisation the change happened in and the login that made
 * it. The authenticated caller ({@code auth.Principal}) is one; audit needs nothing more of it.
 */
public interface Actor {
    long orgId();

    String login();
}
