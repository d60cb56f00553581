package io.sightline.server.auth;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {
    private final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.0/8", "::1"));

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        assertThat(behindProxy.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(new ClientAddress(List.of()).of(request("10.0.0.1", "198.51.100.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        assertThat(behindProxy.of(request("10.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(behindProxy.of(request("10.0.0.1", "1.2.3.4, 198.51.100.1, 10.0.0.2"))).isEqualTo("198.51.100.1");
        assertThat(behindProxy.of(request("::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
    }

    @Test
    void garbageOrOnlyProxiesStopAtTheLastTrustedHop() {
        assertThat(behindProxy.of(request("10.0.0.1", "not-an-ip, 10.0.0.2"))).isEqualTo("10.0.0.2");
        assertThat(behindProxy.of(request("10.0.0.1", "evil.example"))).isEqualTo("10.0.0.1");
        assertThat(behindProxy.of(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        if (forwardedFor != null) r.addHeader("X-Forwarded-For", forwardedFor);
        return r;
    }
}
