package io.sightline.server.connectors.misp.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint moves only over work complete in the order it was handed out. */
class CompletedPrefixTest {

    @Test
    void eventsCompletedOutOfOrderMoveTheCheckpointOnlyOverTheCompletePrefix() {
        CompletedPrefix listed = new CompletedPrefix();
        long first = listed.add("100");
        long second = listed.add("100");
        long third = listed.add("250");
        long fourth = listed.add("300");

        assertThat(listed.complete(third)).as("the first two are still being read").isNull();
        assertThat(listed.complete(second)).isNull();
        assertThat(listed.complete(first)).as("three complete in a row").isEqualTo("250");
        assertThat(listed.complete(fourth)).isEqualTo("300");
    }

    @Test
    void aPieceCompletesOnce() {
        CompletedPrefix listed = new CompletedPrefix();
        long only = listed.add("42");
        assertThat(listed.complete(only)).isEqualTo("42");
        assertThatThrownBy(() -> listed.complete(only)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void piecesWithoutCheckpointLetTheLastEarlierOneThrough() {
        CompletedPrefix transactions = new CompletedPrefix();
        long a = transactions.add("7");
        long b = transactions.add(null);
        long c = transactions.add(null);

        assertThat(transactions.complete(b)).isNull();
        assertThat(transactions.complete(a)).as("the prefix a, b ends on a's checkpoint").isEqualTo("7");
        assertThat(transactions.complete(c)).as("c moves nothing").isNull();
    }

    @Test
    void onlyTheFirstPendingPieceHasEverythingBeforeItComplete() {
        CompletedPrefix transactions = new CompletedPrefix();
        long a = transactions.add("1");
        long b = transactions.add("2");
        assertThat(transactions.isFirstPending(a)).isTrue();
        assertThat(transactions.isFirstPending(b)).isFalse();
        transactions.complete(a);
        assertThat(transactions.isFirstPending(b)).isTrue();
    }
}
