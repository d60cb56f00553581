package io.sightline.server.api;

import io.sightline.server.core.Busy;
import io.sightline.server.core.Conflict;
import io.sightline.server.core.DomainException;
import io.sightline.server.core.Forbidden;
import io.sightline.server.core.Invalid;
import io.sightline.server.core.InvalidQuery;
import io.sightline.server.core.Malformed;
import io.sightline.server.core.NotFound;
import io.sightline.server.core.Refused;
import io.sightline.server.core.RemoteFailure;
import io.sightline.server.core.Throttled;
import io.sightline.server.core.TooLarge;
import io.sightline.server.core.Unauthenticated;
import io.sightline.server.core.Unavailable;
import jakarta.servlet.ServletException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one translation of a failure into TheHive's {@code {type, message}} error, used by the
 * controller advice, by the error dispatch (failures in filters or before a handler is chosen)
 * and by Tomcat's error report. Client mistakes are 4xx; only what the client cannot cause is 5xx.
 */
public final class ApiErrors {
    private ApiErrors() {}

    static ApiException of(Throwable e) {
        if (e instanceof ServletException s && s.getRootCause() != null && !(e instanceof ErrorResponse)) {
            return of(s.getRootCause());
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) return ApiException.tooLarge(t.getMessage());
            if (t instanceof ApiException a) return a;
            if (t instanceof DomainException d) return of(d);
        }
        if (e instanceof HttpMessageNotReadableException h) return ApiException.badRequest(JsonErrors.describe(h));
        if (e instanceof MaxUploadSizeExceededException m) return ApiException.tooLarge(uploadTooLarge(m));
        if (e instanceof MultipartException) {
            return ApiException.badRequest("Malformed multipart body: send multipart/form-data with a boundary and complete parts");
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BadRequest",
                    "Unsupported content type " + m.getContentType() + "; send application/json");
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "BadRequest", "Method " + m.getMethod()
                    + " is not supported here" + (m.getSupportedMethods() == null ? "" : "; use " + String.join(", ", m.getSupportedMethods())));
        }
        if (e instanceof NoResourceFoundException n) return ApiException.notFound("No such endpoint: /" + n.getResourcePath().replaceFirst("^/+", ""));
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return ApiException.badRequest("Invalid value for parameter '" + m.getName() + "'");
        }
        if (e instanceof ServletRequestBindingException) return ApiException.badRequest(e.getMessage());
        var database = DatabaseErrors.translate(e);
        if (database.isPresent()) return database.get();
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            String detail = r.getBody().getDetail();
            return new ApiException(HttpStatus.valueOf(r.getStatusCode().value()), typeFor(r.getStatusCode().value()),
                    detail == null ? HttpStatus.valueOf(r.getStatusCode().value()).getReasonPhrase() : detail);
        }
        if (e instanceof ErrorResponse r && r.getStatusCode().value() == 503) {
            return ApiException.unavailable("The server is busy; try again later");
        }
        return ApiException.internal("Internal error: " + e.getClass().getSimpleName());
    }

    /**
     * The one place a domain failure gets its HTTP status and TheHive type name; the message and
     * the details are the domain's, unchanged.
     */
    static ApiException of(DomainException e) {
        String message = e.getMessage();
        Object details = e.details();
        if (e instanceof NotFound) return new ApiException(HttpStatus.NOT_FOUND, "NotFoundError", message, details);
        if (e instanceof Invalid) return new ApiException(HttpStatus.BAD_REQUEST, "AttributeCheckingError", message, details);
        if (e instanceof InvalidQuery) return new ApiException(HttpStatus.BAD_REQUEST, "SearchError", message, details);
        if (e instanceof Malformed || e instanceof Refused) {
            return new ApiException(HttpStatus.BAD_REQUEST, "BadRequest", message, details);
        }
        if (e instanceof Conflict) return new ApiException(HttpStatus.BAD_REQUEST, "CreateError", message, details);
        if (e instanceof Busy) return new ApiException(HttpStatus.CONFLICT, "BadRequest", message, details);
        if (e instanceof Unauthenticated) return new ApiException(HttpStatus.UNAUTHORIZED, "AuthenticationError", message, details);
        if (e instanceof Forbidden) return new ApiException(HttpStatus.FORBIDDEN, "AuthorizationError", message, details);
        if (e instanceof Throttled) return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests", message, details);
        if (e instanceof TooLarge) return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "BadRequest", message, details);
        if (e instanceof Unavailable) return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", message, details);
        if (e instanceof RemoteFailure r) return new ApiException(HttpStatus.BAD_GATEWAY, r.system() + "Error", message, details);
        return new ApiException(HttpStatus.BAD_REQUEST, "BadRequest", message, details);
    }

    /**
     * The container's own words name the part and the limit ("The field attachments exceeds its
     * maximum permitted size of 65536 bytes."); they are kept when it gives them.
     */
    private static String uploadTooLarge(MaxUploadSizeExceededException e) {
        String message = "Upload exceeds the maximum allowed size";
        if (e.getMaxUploadSize() > 0) message += " of " + e.getMaxUploadSize() + " bytes";
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            String detail = t.getMessage();
            if (detail != null && detail.contains("exceeds")) return message + ": " + detail.replaceFirst("^[\\w.]+Exception: ", "");
        }
        return message;
    }

    /** The HTTP status a failure is answered with (the web UI shows its pages with it). */
    public static int statusOf(Throwable e) {
        return of(e).status().value();
    }

    /** An error known only by its status (a container error page without an exception). */
    static ApiException ofStatus(int status, String method, String path) {
        String message = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required: send Authorization: Bearer <API key> or Basic credentials";
            case 403 -> "Access denied";
            case 404 -> "No such endpoint: " + method + " " + path;
            case 405 -> "Method " + method + " is not supported by " + path;
            case 413 -> "Request too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> status >= 500 ? "Internal error" : HttpStatus.valueOf(status).getReasonPhrase();
        };
        HttpStatus resolved = HttpStatus.resolve(status);
        return new ApiException(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved, typeFor(status), message);
    }

    static String typeFor(int status) {
        return switch (status) {
            case 401 -> "AuthenticationError";
            case 403 -> "AuthorizationError";
            case 404 -> "NotFoundError";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalError" : "BadRequest";
        };
    }
}
