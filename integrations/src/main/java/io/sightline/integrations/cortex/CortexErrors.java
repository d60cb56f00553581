package io.sightline.integrations.cortex;

import io.sightline.integrations.http.HttpConnectException;
import io.sightline.integrations.http.HttpJson;
import io.sightline.integrations.http.HttpRequestTimeoutException;
import io.sightline.integrations.http.HttpResponseParseException;
import io.sightline.integrations.http.HttpStatusException;
import io.sightline.integrations.http.HttpTargetException;
import io.sightline.integrations.http.HttpTlsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns HTTP failures into {@link CortexException}s using the mapping table
 * {@code cortex-errors.json} (Cortex error type -> kind + hint), loaded and checked once.
 */
public final class CortexErrors {

    private static final String RESOURCE = "cortex-errors.json";

    record Entry(CortexErrorKind kind, String hint) {
    }

    private final Map<String, Entry> byType;
    private final Map<Integer, CortexErrorKind> byStatus;

    private CortexErrors(Map<String, Entry> byType, Map<Integer, CortexErrorKind> byStatus) {
        this.byType = Map.copyOf(byType);
        this.byStatus = Map.copyOf(byStatus);
    }

    private static final CortexErrors DEFAULT = load();

    public static CortexErrors standard() {
        return DEFAULT;
    }

    static CortexErrors load() {
        try (InputStream in = CortexErrors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("mapping table " + RESOURCE + " is missing from the classpath");
            }
            return parse(HttpJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static CortexErrors parse(JsonNode root) {
        Map<String, Entry> types = new HashMap<>();
        for (Map.Entry<String, JsonNode> type : root.path("types").properties()) {
            String kind = type.getValue().path("kind").asString("");
            String hint = type.getValue().path("hint").asString("");
            types.put(type.getKey(), new Entry(kind(type.getKey(), kind), hint));
        }
        Map<Integer, CortexErrorKind> statuses = new HashMap<>();
        for (Map.Entry<String, JsonNode> status : root.path("statuses").properties()) {
            int code;
            try {
                code = Integer.parseInt(status.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(RESOURCE + ": status '" + status.getKey() + "' is not a number");
            }
            statuses.put(code, kind(status.getKey(), status.getValue().asString("")));
        }
        if (types.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no error types defined");
        }
        return new CortexErrors(types, statuses);
    }

    private static CortexErrorKind kind(String key, String value) {
        try {
            return CortexErrorKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ": '" + key + "' has unknown kind '" + value + "'", e);
        }
    }

    /** The Cortex view of an HTTP failure. */
    public CortexException translate(HttpTargetException failure) {
        if (failure instanceof HttpStatusException status) {
            String type = status.remoteType().orElse(null);
            Entry entry = type == null ? null : byType.get(type);
            CortexErrorKind kind = entry != null ? entry.kind() : kindOfStatus(status.status());
            String hint = entry != null ? entry.hint() : "";
            String message = hint.isEmpty() ? failure.getMessage() : failure.getMessage() + ". Hint: " + hint;
            return new CortexException(kind, message, type, status.remoteMessage().orElse(null), status.status(),
                    failure);
        }
        CortexErrorKind kind;
        if (failure instanceof HttpTlsException) {
            kind = CortexErrorKind.TLS;
        } else if (failure instanceof HttpRequestTimeoutException) {
            kind = CortexErrorKind.TIMEOUT;
        } else if (failure instanceof HttpConnectException) {
            kind = CortexErrorKind.UNREACHABLE;
        } else if (failure instanceof HttpResponseParseException) {
            kind = CortexErrorKind.INVALID_RESPONSE;
        } else {
            kind = CortexErrorKind.UNREACHABLE;
        }
        return new CortexException(kind, failure.getMessage(), null, null, 0, failure);
    }

    private CortexErrorKind kindOfStatus(int status) {
        CortexErrorKind kind = byStatus.get(status);
        if (kind != null) {
            return kind;
        }
        return status >= 500 ? CortexErrorKind.SERVER_ERROR : CortexErrorKind.BAD_REQUEST;
    }
}
