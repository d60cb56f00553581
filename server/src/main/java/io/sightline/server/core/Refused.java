package io.sightline.server.core;

/** A well-formed, permitted request the hub cannot carry out in the present state (a connector not configured, a job without a report, a remote system that refused). */
public final class Refused extends DomainException {
    public Refused(String message) {
        super(message);
    }
}
