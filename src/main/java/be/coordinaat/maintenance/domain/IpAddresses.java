package be.coordinaat.maintenance.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Strict parsing of IPv4 and IPv6 addresses and CIDR prefixes, without any name lookup (unlike
 * {@code InetAddress.getByName}). IPv4 needs four decimal parts 0–255 without leading zeros (010 is ambiguous: octal
 * for some tools); IPv6 follows RFC 4291 (with {@code ::} and an embedded IPv4 tail), without zone ids. A prefix must
 * have no host bits set (192.168.1.0/24, not 192.168.1.5/24). Results are canonical: IPv6 in the RFC 5952 form.
 */
public final class IpAddresses {
    private IpAddresses() {}

    /** A parsed address: its bits and whether it is IPv6. */
    public record Address(BigInteger value, boolean v6) implements Comparable<Address> {

        public int bits() {
            return v6 ? 128 : 32;
        }

        @Override
        public int compareTo(Address o) {
            return value.compareTo(o.value);
        }

        @Override
        public String toString() {
            return v6 ? formatV6(value) : formatV4(value);
        }
    }

    /** A parsed network prefix. */
    public record Cidr(Address network, int prefix) {

        public boolean contains(Address a) {
            if (a.v6() != network.v6()) {
                return false;
            }
            int host = network.bits() - prefix;
            return a.value().shiftRight(host).equals(network.value().shiftRight(host));
        }

        @Override
        public String toString() {
            return network + "/" + prefix;
        }
    }

    public static Optional<Address> address(String text) {
        if (text == null || text.length() > 45) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.indexOf(':') >= 0) {
            BigInteger v = v6(s);
            return v == null ? Optional.empty() : Optional.of(new Address(v, true));
        }
        Long v = v4(s);
        return v == null ? Optional.empty() : Optional.of(new Address(BigInteger.valueOf(v), false));
    }

    /** A network prefix, with the reason it is refused: {@code "format"} or {@code "hostBits"}. */
    public sealed interface CidrResult permits Valid, Invalid {}

    public record Valid(Cidr cidr) implements CidrResult {}

    /** @param suggestion for host bits set: the network the user probably meant */
    public record Invalid(String reason, String suggestion) implements CidrResult {}

    public static CidrResult cidr(String text) {
        if (text == null || text.length() > 50) {
            return new Invalid("format", null);
        }
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash < 0 || slash != s.lastIndexOf('/')) {
            return new Invalid("format", null);
        }
        Optional<Address> a = address(s.substring(0, slash));
        String p = s.substring(slash + 1);
        if (a.isEmpty() || !p.matches("0|[1-9][0-9]{0,2}")) {
            return new Invalid("format", null);
        }
        int prefix = Integer.parseInt(p);
        if (prefix > a.get().bits()) {
            return new Invalid("format", null);
        }
        int host = a.get().bits() - prefix;
        BigInteger network = a.get().value().shiftRight(host).shiftLeft(host);
        Cidr cidr = new Cidr(new Address(network, a.get().v6()), prefix);
        if (!network.equals(a.get().value())) {
            return new Invalid("hostBits", cidr.toString());
        }
        return new Valid(cidr);
    }

    private static Long v4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long v = 0;
        for (String part : parts) {
            if (!part.matches("0|[1-9][0-9]{0,2}")) {
                return null;
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                return null;
            }
            v = (v << 8) | n;
        }
        return v;
    }

    private static BigInteger v6(String s) {
        if (!s.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        if (dbl >= 0) {
            if (!groups(s.substring(0, dbl), head, false) || !groups(s.substring(dbl + 2), tail, true)) {
                return null;
            }
            if (head.size() + tail.size() > 7) {
                return null;
            }
        } else {
            if (!groups(s, head, true) || head.size() != 8) {
                return null;
            }
        }
        List<Integer> all = new ArrayList<>(head);
        int missing = 8 - head.size() - tail.size();
        for (int i = 0; i < missing; i++) {
            all.add(0);
        }
        all.addAll(tail);
        BigInteger v = BigInteger.ZERO;
        for (int g : all) {
            v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return v;
    }

    /** Hex groups separated by ':'; the last may be an IPv4 address (two groups) when {@code ipv4Tail}. */
    private static boolean groups(String s, List<Integer> out, boolean ipv4Tail) {
        if (s.isEmpty()) {
            return true;
        }
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && ipv4Tail && part.indexOf('.') >= 0) {
                Long v4 = v4(part);
                if (v4 == null) {
                    return false;
                }
                out.add((int) (v4 >> 16));
                out.add((int) (v4 & 0xFFFF));
                return true;
            }
            if (!part.matches("[0-9A-Fa-f]{1,4}")) {
                return false;
            }
            out.add(Integer.parseInt(part, 16));
        }
        return true;
    }

    static String formatV4(BigInteger v) {
        long n = v.longValue();
        return ((n >> 24) & 255) + "." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as "::", the first one on a tie. */
    static String formatV6(BigInteger v) {
        int[] g = new int[8];
        for (int i = 7; i >= 0; i--) {
            g[i] = v.and(BigInteger.valueOf(0xFFFF)).intValue();
            v = v.shiftRight(16);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
