package io.sightline.integrations.cortex;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Status of a Cortex job, with the two extra answers of the batch status lookup
 * ({@code NotFound}, {@code Error(...)}). Terminal states never change again: a poller stops on
 * them (TheHive 4 polled {@code Deleted} jobs forever).
 */
public enum JobState {
    WAITING("Waiting", false),
    IN_PROGRESS("InProgress", false),
    SUCCESS("Success", true),
    FAILURE("Failure", true),
    DELETED("Deleted", true),
    /** Batch lookup only: Cortex does not know the id (or it belongs to another organisation). */
    NOT_FOUND("NotFound", true),
    /** Batch lookup only: Cortex could not read this job's status right now. */
    ERROR("Error", false);

    private final String cortexName;
    private final boolean terminal;

    JobState(String cortexName, boolean terminal) {
        this.cortexName = cortexName;
        this.terminal = terminal;
    }

    @JsonValue
    public String cortexName() {
        return cortexName;
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** True when the job ended and has a report to fetch (success or failure). */
    public boolean hasReport() {
        return this == SUCCESS || this == FAILURE;
    }

    @JsonCreator
    public static JobState fromCortex(String value) {
        if (value == null) {
            throw new IllegalArgumentException("job status is missing");
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("Error")) {
            return ERROR;
        }
        // "Running" is how /report spells InProgress when the report is not there yet
        if (trimmed.equals("Running")) {
            return IN_PROGRESS;
        }
        for (JobState state : values()) {
            if (state.cortexName.equals(trimmed)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown Cortex job status '" + value
                + "' (expected Waiting, InProgress, Success, Failure, Deleted)");
    }
}
