package io.sightline.server.connectors.spi;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulePolicyTest {

    @Test
    void retriesSoonThenBacksOffUpToTheInterval() {
        SchedulePolicy p = SchedulePolicy.every(Duration.ofHours(1));
        assertThat(p.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.retryDelay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.retryDelay(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(p.retryDelay(8)).isEqualTo(Duration.ofHours(1));
        assertThat(p.retryDelay(1000)).isEqualTo(Duration.ofHours(1));
        assertThat(SchedulePolicy.every(Duration.ofSeconds(5)).retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
    }

}
