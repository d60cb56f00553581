package io.sightline.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.server.core.Invalid;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservableTypesTest {
    private final ObservableTypes types = new ObservableTypes(List.of("ip", "domain", "hash", "other"));

    @Test
    void ipv4AddressesAreFourDottedPartsUpTo255() {
        for (String ok : List.of("10.0.0.1", "0.0.0.0", "255.255.255.255", "1.2.3.4", "010.1.1.1")) {
            assertThat(ObservableTypes.isIp(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "1234.1.1.1", "1.2.3.a",
                "", "1.2.3.4 ", "١.2.3.4")) {
            assertThat(ObservableTypes.isIp(bad)).as(bad).isFalse();
        }
    }

    @Test
    void ipv6AddressesAreAccepted() {
        assertThat(ObservableTypes.isIp("::1")).isTrue();
        assertThat(ObservableTypes.isIp("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(ObservableTypes.isIp("2001:zz8::1")).isFalse();
        assertThat(ObservableTypes.isIp("2001:db8::1::2")).isFalse();
    }

    @Test
    void valuesAreCheckedAgainstTheirType() {
        assertThat(types.normalise("ip", " 192.168.0.1 ")).isEqualTo("192.168.0.1");
        assertThat(types.normalise("hash", "D41D8CD98F00B204E9800998ECF8427E")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(types.normalise("domain", "example.org")).isEqualTo("example.org");
        assertThatThrownBy(() -> types.normalise("ip", "300.1.1.1")).isInstanceOf(Invalid.class)
                .hasMessageContaining("expected an IPv4 or IPv6 address");
        assertThatThrownBy(() -> types.normalise("domain", "10.0.0.1")).isInstanceOf(Invalid.class)
                .hasMessageContaining("expected a domain name");
    }
}
