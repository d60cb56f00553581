package io.sightline.testkit.samples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that compares with the public samples ({@link PublicSamples}):
 * where they are absent, as in a plain clone, it is skipped with a message instead of failing.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PublicSamplesCondition.class)
public @interface NeedsPublicSamples {
}
