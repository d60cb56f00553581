package io.sightline.server.api;

import io.sightline.server.core.DomainException;
import io.sightline.server.core.Throttled;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@code {type, message}} error from a servlet filter, where no controller advice runs. */
@Component
public class ErrorWriter {
    private final JsonMapper json;

    public ErrorWriter(JsonMapper json) {
        this.json = json;
    }

    /** A domain failure, answered as {@link ApiErrors} maps it; a throttled client is told when to retry. */
    public void write(HttpServletResponse response, DomainException e) throws IOException {
        if (e instanceof Throttled t) response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
        write(response, ApiErrors.of(e));
    }

    void write(HttpServletResponse response, ApiException e) throws IOException {
        var body = ApiErrorHandler.body(e.status(), e.type(), e.getMessage(), e.object()).getBody();
        response.setStatus(e.status().value());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
