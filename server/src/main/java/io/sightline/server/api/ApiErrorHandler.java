package io.sightline.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to TheHive's {@code {type, message}} body. Client mistakes are 4xx, never
 * 5xx: thehive4py replays a POST answered with 5xx, which would duplicate writes.
 */
@RestControllerAdvice(basePackages = "io.sightline.server")
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return body(e.status(), e.type(), e.getMessage(), e.object());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return body(HttpStatus.CONTENT_TOO_LARGE, "BadRequest", t.getMessage(), null);
            }
        }
        return body(HttpStatus.BAD_REQUEST, "BadRequest", JsonErrors.describe(e), null);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    ResponseEntity<Map<String, Object>> tooLarge(Exception e) {
        return body(HttpStatus.CONTENT_TOO_LARGE, "BadRequest", "Upload exceeds the maximum allowed size", null);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, MultipartException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return body(HttpStatus.BAD_REQUEST, "BadRequest", e.getMessage(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BadRequest",
                "Unsupported content type " + e.getContentType() + "; send application/json", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "BadRequest", e.getMessage(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "NotFoundError", "No such endpoint: " + e.getResourcePath(), null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException e) {
        log.info("Rejected write that violates a constraint: {}", e.getMostSpecificCause().getMessage());
        return body(HttpStatus.BAD_REQUEST, "CreateError", "The request conflicts with existing data", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError", "Internal error: " + e.getClass().getSimpleName(), null);
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String type, String message, Object object) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        if (object != null) body.put("object", object);
        return ResponseEntity.status(status).body(body);
    }
}
