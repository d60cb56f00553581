package io.sightline.server.core;

/** A remote system the hub relies on for this request (a Cortex server) failed or answered wrongly. */
public final class RemoteFailure extends DomainException {
    private final String system;

    /** @param system the kind of remote system, as users name it ("Cortex") */
    public RemoteFailure(String system, String message) {
        super(message);
        this.system = system;
    }

    public String system() {
        return system;
    }
}
