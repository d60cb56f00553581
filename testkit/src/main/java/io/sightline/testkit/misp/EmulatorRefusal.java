package io.sightline.testkit.misp;

import tools.jackson.databind.node.ObjectNode;

/** An answer MISP gives when it refuses a request: a status and MISP's JSON error body. */
final class EmulatorRefusal extends RuntimeException {

    private final int status;
    private final transient ObjectNode body;

    EmulatorRefusal(int status, ObjectNode body) {
        super(body.toString());
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
