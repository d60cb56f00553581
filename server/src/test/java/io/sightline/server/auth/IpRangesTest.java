package io.sightline.server.auth;

import io.sightline.server.core.Invalid;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Allowed IP ranges of API keys: every bad range is named in one refusal. */
class IpRangesTest {

    @Test
    void oneBadRangeIsNamedWithItsFault() {
        assertThatThrownBy(() -> IpRanges.parse(List.of("10.0.0.1", "10.0.0.0/33")))
                .isInstanceOf(Invalid.class).hasMessage("Invalid allowed IP range '10.0.0.0/33': prefix length must be 0-32");
    }

    @Test
    void everyBadRangeIsNamedAtOnce() {
        assertThatThrownBy(() -> IpRanges.parse(List.of("host.example", "192.168.0.0/16", "::1/129", "10.0.0.0/x")))
                .isInstanceOf(Invalid.class)
                .hasMessage("3 invalid allowed IP ranges: 'host.example': not an IP address; '::1/129': prefix length must be 0-128;"
                        + " '10.0.0.0/x': prefix length must be 0-32");
    }

    @Test
    void goodRangesAreKeptAsTyped() {
        assertThat(IpRanges.parse(List.of(" 10.0.0.0/8 ", "", "2001:db8::/32")).asList()).containsExactly("10.0.0.0/8", "2001:db8::/32");
    }
}
