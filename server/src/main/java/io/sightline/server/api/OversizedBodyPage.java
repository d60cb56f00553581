package io.sightline.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How a body over the limit is answered outside the REST API: a browser's form post gets a page
 * saying what happened, not the API's JSON. The web UI provides it; {@link BodySizeLimitFilter}
 * uses it for every path not under {@code /api/}.
 */
public interface OversizedBodyPage {
    void write(HttpServletRequest request, HttpServletResponse response, long sentBytes, long limitBytes) throws IOException;
}
