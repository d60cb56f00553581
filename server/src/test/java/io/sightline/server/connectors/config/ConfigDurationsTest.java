package io.sightline.server.connectors.config;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigDurationsTest {

    @ParameterizedTest
    @CsvSource({
            "1 hour, PT1H", "1h, PT1H", "PT1H, PT1H", "pt1h, PT1H", "2 hours, PT2H", "5 seconds, PT5S", "5s, PT5S",
            "1 minute, PT1M", "1m, PT1M", "15 min, PT15M", "15 minutes, PT15M", "500ms, PT0.5S", "500 millis, PT0.5S",
            "7 days, PT168H", "7d, PT168H", "P7D, PT168H", "0 seconds, PT0S", "1 second, PT1S"})
    void parsesHoconSpringAndIsoSpellings(String text, String expected) {
        assertThat(ConfigDurations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "", "one hour", "1 fortnight", "PT1X", "-PT1H", "1.5h"})
    void refusesWhatIsNotADurationWithAReason(String text) {
        assertThatThrownBy(() -> ConfigDurations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }

    @ParameterizedTest
    @CsvSource({"PT1H, 1h", "PT5S, 5s", "PT1M, 1m", "PT0.5S, 500ms", "P1D, 1d"})
    void printsShortForms(String iso, String expected) {
        assertThat(ConfigDurations.human(Duration.parse(iso))).isEqualTo(expected);
    }
}
