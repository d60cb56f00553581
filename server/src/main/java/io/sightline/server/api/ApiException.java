package io.sightline.server.api;

import org.springframework.http.HttpStatus;

/**
 * A failure as the API answers it: HTTP status, TheHive type name (so clients such as thehive4py
 * show it as they would for TheHive), message and optional object. Only this package builds one;
 * the rest of the hub throws {@link io.sightline.server.core.DomainException}s, which
 * {@link ApiErrors} maps here.
 */
final class ApiException extends RuntimeException {
    private final String type;
    private final HttpStatus status;
    private final transient Object object;

    ApiException(HttpStatus status, String type, String message) {
        this(status, type, message, null);
    }

    ApiException(HttpStatus status, String type, String message, Object object) {
        super(message);
        this.status = status;
        this.type = type;
        this.object = object;
    }

    public String type() { return type; }
    public HttpStatus status() { return status; }
    public Object object() { return object; }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "BadRequest", message);
    }

    public static ApiException createError(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "CreateError", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "NotFoundError", message);
    }

    /** A dependency (the database) is unreachable: the client may retry later. */
    public static ApiException unavailable(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", message);
    }

    public static ApiException internal(String message) {
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError", message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "BadRequest", message);
    }
}
