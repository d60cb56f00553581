package io.sightline.testkit.samples;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips {@link NeedsPublicSamples} tests when the public samples are absent, saying which on stderr. */
public final class PublicSamplesCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PublicSamples.present()) return ConditionEvaluationResult.enabled("public samples present");
        System.err.println("[public samples] " + context.getDisplayName() + " skipped: " + PublicSamples.absence());
        return ConditionEvaluationResult.disabled(PublicSamples.absence());
    }
}
