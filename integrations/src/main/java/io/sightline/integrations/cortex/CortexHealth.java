package io.sightline.integrations.cortex;

/**
 * Reachability of one Cortex server as TheHive's About page shows it: {@code OK},
 * {@code ERROR} (unreachable or broken), {@code AUTH_ERROR} (reachable, key refused).
 *
 * @param state   the verdict
 * @param version Cortex version when the server answered, else null
 * @param message why it is not OK (human, secret-free), null when OK
 */
public record CortexHealth(State state, String version, String message) {

    public enum State { OK, ERROR, AUTH_ERROR }

    public boolean isOk() {
        return state == State.OK;
    }
}
