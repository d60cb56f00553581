package io.sightline.integrations.opencti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnconfirmedMessagesTest {
    private final Object channel = new Object();
    private final UnconfirmedMessages messages = new UnconfirmedMessages();

    @Test
    void singleAndMultipleConfirmsReleaseExactlyTheirMessages() {
        messages.restart(channel);
        for (int seq = 1; seq <= 5_000; seq++) messages.add(seq, body(seq));
        assertThat(messages.size()).isEqualTo(5_000);
        messages.confirm(channel, 3, false);
        messages.confirm(channel, 2_000, true);
        assertThat(messages.size()).isEqualTo(3_000);
        messages.confirm(channel, 4_000, false);
        messages.confirm(channel, 2_001, false);
        assertThat(messages.size()).isEqualTo(2_998);
        messages.confirm(channel, 9_999, true); // beyond the last one: everything
        assertThat(messages.size()).isZero();
        messages.add(5_001, body(5_001));
        assertThat(messages.size()).isEqualTo(1);
    }

    @Test
    void aNewChannelGetsBackWhatTheOldOneLeftInOrderAndIgnoresItsLateConfirms() {
        messages.restart(channel);
        for (int seq = 1; seq <= 3_000; seq++) messages.add(seq, body(seq));
        messages.confirm(channel, 1_000, true);
        messages.confirm(channel, 1_500, false);
        Object next = new Object();
        List<byte[]> left = messages.restart(next);
        assertThat(left).hasSize(1_999);
        assertThat(new String(left.get(0))).isEqualTo("1001");
        assertThat(new String(left.get(left.size() - 1))).isEqualTo("3000");
        assertThat(left).noneMatch(b -> new String(b).equals("1500"));

        messages.add(1, body(1));
        messages.confirm(channel, 1, true);
        assertThat(messages.size()).as("a confirm of the old channel").isEqualTo(1);
        messages.confirm(next, 1, false);
        assertThat(messages.size()).isZero();
    }

    @Test
    void sequenceNumbersMustFollowEachOther() {
        messages.restart(channel);
        messages.add(1, body(1));
        assertThatThrownBy(() -> messages.add(3, body(3))).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] body(int seq) {
        return String.valueOf(seq).getBytes();
    }
}
