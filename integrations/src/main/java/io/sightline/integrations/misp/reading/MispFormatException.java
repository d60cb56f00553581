package io.sightline.integrations.misp.reading;

import io.sightline.integrations.misp.model.MispException;

/**
 * MISP sent JSON that cannot be read: truncated, not JSON, or a field with an impossible value.
 * The message says what was expected and where (JSON path, line, column and byte offset), and no
 * partial result is ever returned silently: whatever a listener received before the error must be
 * treated as incomplete.
 */
public class MispFormatException extends MispException {

    private final String jsonPath;
    private final long byteOffset;

    public MispFormatException(String message, String jsonPath, long byteOffset, Throwable cause) {
        super(message, cause);
        this.jsonPath = jsonPath;
        this.byteOffset = byteOffset;
    }

    /** JSON pointer of the position where reading failed, e.g. {@code /Event/Attribute/1234}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** Byte offset in the input where reading failed, -1 if unknown. */
    public long byteOffset() {
        return byteOffset;
    }
}
