package io.sightline.integrations.http;

/** The methods the layer speaks, with whether repeating them is harmless. */
public enum HttpMethod {
    GET(true), HEAD(true), PUT(true), DELETE(true), OPTIONS(true), POST(false), PATCH(false);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public boolean isIdempotent() {
        return idempotent;
    }
}
