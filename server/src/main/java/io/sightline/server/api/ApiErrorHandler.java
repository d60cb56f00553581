package io.sightline.server.api;

import io.sightline.server.core.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps every failure of a controller to TheHive's {@code {type, message}} body, as {@link ApiErrors}
 * says. Client mistakes are 4xx, never 5xx: thehive4py replays a POST answered with 5xx, which
 * would duplicate writes. Failures outside controllers reach {@link ApiErrorDispatchFilter}.
 */
@RestControllerAdvice(basePackages = "io.sightline.server")
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handle(Exception e) {
        ApiException error = ApiErrors.of(e);
        if (error.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("Answered 503: {}", e.toString());
        } else if (error.status().is5xxServerError()) {
            log.error("Unexpected error", e);
        } else if (!(e instanceof DomainException) && !(e instanceof ApiException) && error.type().equals("CreateError")) {
            log.info("Rejected a write the database refused: {}", e.getMessage());
        }
        return body(error.status(), error.type(), error.getMessage(), error.object());
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String type, String message, Object object) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        if (object != null) body.put("object", object);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
