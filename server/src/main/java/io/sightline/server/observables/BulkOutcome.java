package io.sightline.server.observables;

import java.util.List;

/**
 * What an action on several observables did to each: those it changed, and those it refused with
 * the reason (not found, not of this case, a rule of the service).
 */
public record BulkOutcome(List<Long> done, List<Refusal> refused) {
    /** One observable left as it was; {@code shown} is its value or file name, or its id when it was not found. */
    public record Refusal(long observableId, String shown, String message) {}

    public BulkOutcome {
        done = List.copyOf(done);
        refused = List.copyOf(refused);
    }

    /** "3 changed, 1 refused" in the words of the action ("deleted", "started"…). */
    public String summary(String doneWord) {
        String s = done.size() + " " + doneWord;
        return refused.isEmpty() ? s : s + ", " + refused.size() + " refused";
    }
}
