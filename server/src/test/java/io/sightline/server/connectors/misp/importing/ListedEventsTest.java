package io.sightline.server.connectors.misp.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint moves only over events complete in the order they were listed. */
class ListedEventsTest {

    @Test
    void eventsCompletedOutOfOrderMoveTheCheckpointOnlyOverTheCompletePrefix() {
        ListedEvents listed = new ListedEvents();
        long first = listed.listed(100);
        long second = listed.listed(100);
        long third = listed.listed(250);
        long fourth = listed.listed(300);

        assertThat(listed.complete(third)).as("the first two are still being read").isNull();
        assertThat(listed.complete(second)).isNull();
        assertThat(listed.complete(first)).as("three complete in a row").isEqualTo("250");
        assertThat(listed.complete(fourth)).isEqualTo("300");
    }

    @Test
    void anEventCompletesOnce() {
        ListedEvents listed = new ListedEvents();
        long only = listed.listed(42);
        assertThat(listed.complete(only)).isEqualTo("42");
        assertThatThrownBy(() -> listed.complete(only)).isInstanceOf(IllegalArgumentException.class);
    }
}
