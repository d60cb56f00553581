package io.sightline.server.api;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last-resort error report, for failures before the application sees the request (a path
 * with an encoded {@code ../}, headers over the size limit). For {@code /api} it writes
 * {@code {type, message}} instead of Tomcat's HTML page; other paths keep Tomcat's page.
 */
public class ApiErrorReportValve extends ErrorReportValve {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        if (!ApiPaths.isApi(request.getRequestURI())) {
            super.report(request, response, failure);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        ApiException error = failure != null ? ApiErrors.of(failure) : ApiErrors.ofStatus(status, request.getMethod(), "this path");
        String message = status == 400 && failure == null
                ? "Bad request: the request line or headers could not be read (an encoded character not allowed in a path,"
                        + " or headers over the size limit)"
                : error.getMessage();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ApiErrors.typeFor(status));
        body.put("message", message);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was already sent: nothing left to tell
        }
    }
}
