package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from. {@code X-Forwarded-For} is anyone's to write, so it is read
 * only when the direct peer is one of {@code sightline.auth.trusted-proxies}, and then from the
 * right: the first address that is not a trusted proxy is the client (entries left of it may be
 * made up by the client itself).
 */
@Component
public class ClientAddress {
    private final IpRanges trustedProxies;

    @Autowired
    public ClientAddress(Environment environment) {
        this(Binder.get(environment).bind("sightline.auth.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of()));
    }

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = IpRanges.parse(trustedProxies);
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !trustedProxies.allows(peer)) return peer;
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isAddress(hop)) return client;
            client = hop;
            if (!trustedProxies.allows(hop)) return hop;
        }
        return client;
    }

    private static boolean isAddress(String s) {
        try {
            IpRanges.literal(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
