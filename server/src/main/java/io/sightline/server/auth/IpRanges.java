package io.sightline.server.auth;

import io.sightline.server.core.Invalid;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Allowed source addresses of an API key: IPv4 and IPv6 CIDR ranges (a bare address is /32 or /128). */
public final class IpRanges {
    private record Range(byte[] network, int bits) {}

    private final List<Range> ranges;
    private final List<String> text;

    private IpRanges(List<Range> ranges, List<String> text) {
        this.ranges = ranges;
        this.text = text;
    }

    public static IpRanges parse(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String raw : cidrs) {
            String cidr = raw.trim();
            if (cidr.isEmpty()) continue;
            try {
                ranges.add(parseOne(cidr));
                text.add(cidr);
            } catch (Invalid e) {
                refused.add(e.getMessage().replaceFirst("^Invalid allowed IP range ", ""));
            }
        }
        // Every bad range is named at once, so a list typed with several mistakes is fixed in one go.
        if (refused.size() == 1) throw new Invalid("Invalid allowed IP range " + refused.get(0));
        if (!refused.isEmpty()) throw new Invalid(refused.size() + " invalid allowed IP ranges: " + String.join("; ", refused));
        return new IpRanges(ranges, text);
    }

    public static IpRanges fromStored(String stored) {
        return stored == null || stored.isBlank() ? parse(List.of()) : parse(List.of(stored.split(",")));
    }

    public String toStored() {
        return String.join(",", text);
    }

    public List<String> asList() {
        return List.copyOf(text);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * Whether every address {@code inner} allows is also allowed here: always when this has no
     * ranges (it allows everything), never when {@code inner} has none (it allows everything) but this has.
     */
    public boolean covers(IpRanges inner) {
        if (ranges.isEmpty()) return true;
        if (inner.ranges.isEmpty()) return false;
        for (Range r : inner.ranges) {
            boolean within = ranges.stream().anyMatch(outer -> outer.network.length == r.network.length
                    && outer.bits <= r.bits && sameNetwork(outer.network, r.network, outer.bits));
            if (!within) return false;
        }
        return true;
    }

    public boolean allows(String address) {
        if (ranges.isEmpty()) return true;
        byte[] ip;
        try {
            ip = literal(address).getAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (Range r : ranges) {
            if (r.network.length == ip.length && sameNetwork(r.network, ip, r.bits)) return true;
        }
        return false;
    }

    private static Range parseOne(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] addr;
        try {
            addr = literal(host).getAddress();
        } catch (IllegalArgumentException e) {
            throw new Invalid("Invalid allowed IP range '" + cidr + "': not an IP address");
        }
        int max = addr.length * 8;
        int bits = max;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) throw new Invalid("Invalid allowed IP range '" + cidr + "': prefix length must be 0-" + max);
        }
        return new Range(addr, bits);
    }

    private static boolean sameNetwork(byte[] a, byte[] b, int bits) {
        BigInteger mask = bits == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(a.length * 8).subtract(BigInteger.ONE)
                        .xor(BigInteger.ONE.shiftLeft(a.length * 8 - bits).subtract(BigInteger.ONE));
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    /** Parses an IP literal without ever doing a DNS lookup. */
    static InetAddress literal(String s) {
        String v = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean looksLikeIp = !v.isEmpty() && (v.indexOf(':') >= 0 || v.chars().allMatch(c -> Character.isDigit(c) || c == '.'));
        if (!looksLikeIp) throw new IllegalArgumentException(s);
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
