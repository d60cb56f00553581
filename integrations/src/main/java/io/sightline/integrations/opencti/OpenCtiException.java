package io.sightline.integrations.opencti;

/**
 * A call to OpenCTI failed: either the platform answered with GraphQL {@code errors} (then
 * {@link #errorName()} carries {@code errors[0].name} or the extension code, as pycti reports it)
 * or the HTTP exchange itself failed (then {@link #httpStatus()} is set when an answer came back).
 */
public class OpenCtiException extends RuntimeException {
    private final String operation;
    private final String errorName;
    private final int httpStatus;

    public OpenCtiException(String operation, String errorName, int httpStatus, String message, Throwable cause) {
        super(describe(operation, errorName, httpStatus, message), cause);
        this.operation = operation;
        this.errorName = errorName;
        this.httpStatus = httpStatus;
    }

    public static OpenCtiException graphql(String operation, String errorName, String message) {
        return new OpenCtiException(operation, errorName, 200, message, null);
    }

    public String operation() {
        return operation;
    }

    /** GraphQL error name or code ({@code AUTH_REQUIRED}, {@code GRAPHQL_VALIDATION_FAILED}, ...), or null. */
    public String errorName() {
        return errorName;
    }

    /** HTTP status of the answer, 0 when no answer was received. */
    public int httpStatus() {
        return httpStatus;
    }

    private static String describe(String operation, String errorName, int httpStatus, String message) {
        StringBuilder text = new StringBuilder("OpenCTI ").append(operation).append(" failed");
        if (errorName != null) text.append(" [").append(errorName).append(']');
        if (httpStatus != 0 && httpStatus != 200) text.append(" (HTTP ").append(httpStatus).append(')');
        if (message != null && !message.isBlank()) text.append(": ").append(message);
        return text.toString();
    }
}
