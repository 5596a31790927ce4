package be.coordinaat.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.maintenance.domain.IpAddresses;
import be.coordinaat.maintenance.domain.IpAddresses.Invalid;
import be.coordinaat.maintenance.domain.IpAddresses.Valid;
import java.net.InetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Strict IPv4/IPv6 and CIDR parsing: what people type, what they mistype, and anything at all. */
class IpAddressesTest {

    @Test
    void validAddressesInCanonicalForm() {
        assertThat(IpAddresses.address("10.10.20.1")).get().hasToString("10.10.20.1");
        assertThat(IpAddresses.address(" 0.0.0.0 ")).get().hasToString("0.0.0.0");
        assertThat(IpAddresses.address("2001:DB8:0:0:0:0:0:1")).get().hasToString("2001:db8::1");
        assertThat(IpAddresses.address("::")).get().hasToString("::");
        assertThat(IpAddresses.address("::1")).get().hasToString("::1");
        assertThat(IpAddresses.address("fe80::")).get().hasToString("fe80::");
        assertThat(IpAddresses.address("2001:db8:0:1:0:0:0:1")).get().as("longest zero run").hasToString("2001:db8:0:1::1");
        assertThat(IpAddresses.address("2001:0:0:1:0:0:0:1")).get().hasToString("2001:0:0:1::1");
        assertThat(IpAddresses.address("::ffff:192.0.2.1")).get().hasToString("::ffff:c000:201");
        assertThat(IpAddresses.address("2620:fe::fe")).get().hasToString("2620:fe::fe");
    }

    @Test
    void invalidAddressesAreRefused() {
        for (String bad : new String[] {"", "10.10.20", "10.10.20.256", "10.10.020.1", "1.2.3.4.5", "a.b.c.d", "10.10.20.1/24",
                "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "2001:db8::g", ":::", "1:2:3:4:5:6:7::8:9", "fe80::1%eth0",
                "localhost", "example.org", "::ffff:1.2.3", "1.2.3.4:80", " ", "\u0000", "١٠.١.١.١"}) {
            assertThat(IpAddresses.address(bad)).as(bad).isEmpty();
        }
        assertThat(IpAddresses.address(null)).isEmpty();
        assertThat(IpAddresses.address("1".repeat(10_000))).isEmpty();
    }

    @Test
    void prefixesWithoutHostBits() {
        assertThat(IpAddresses.cidr("10.10.20.0/24")).isInstanceOf(Valid.class).hasToString("Valid[cidr=10.10.20.0/24]");
        assertThat(((Valid) IpAddresses.cidr("2001:DB8:10::/64")).cidr()).hasToString("2001:db8:10::/64");
        assertThat(((Valid) IpAddresses.cidr("0.0.0.0/0")).cidr().contains(IpAddresses.address("8.8.8.8").orElseThrow())).isTrue();
        Invalid host = (Invalid) IpAddresses.cidr("192.168.1.5/24");
        assertThat(host.reason()).isEqualTo("hostBits");
        assertThat(host.suggestion()).isEqualTo("192.168.1.0/24");
        for (String bad : new String[] {"10.10.20.0", "10.10.20.0/33", "10.10.20.0/-1", "10.10.20.0/024", "10.10.20.0/", "/24",
                "2001:db8::/129", "10.10.20.0/24/24", "10.10.20.0/2 4", "10.10.20.0/ab"}) {
            assertThat(IpAddresses.cidr(bad)).as(bad).isInstanceOf(Invalid.class);
        }
        var net = ((Valid) IpAddresses.cidr("10.10.20.0/23")).cidr();
        assertThat(net.contains(IpAddresses.address("10.10.21.250").orElseThrow())).isTrue();
        assertThat(net.contains(IpAddresses.address("10.10.22.1").orElseThrow())).isFalse();
        assertThat(net.contains(IpAddresses.address("::1").orElseThrow())).isFalse();
    }

    @Provide
    Arbitrary<String> addressLike() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF:./%- \u0000x").ofMaxLength(60);
    }

    @Property(tries = 3000)
    void anyTextIsEitherRefusedOrAnAddressThatReadsBackTheSame(@ForAll("addressLike") String text) {
        IpAddresses.address(text).ifPresent(a -> {
            assertThat(IpAddresses.address(a.toString())).contains(a);
            // the JDK agrees on its value (an IP literal, so no name lookup happens)
            try {
                assertThat(new java.math.BigInteger(1, InetAddress.getByName(a.toString()).getAddress())).isEqualTo(a.value());
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
        IpAddresses.CidrResult r = IpAddresses.cidr(text);
        if (r instanceof Valid v) {
            assertThat(IpAddresses.cidr(v.cidr().toString())).isEqualTo(r);
        }
    }

    @Property(tries = 2000)
    void everyIpv6AddressReadsBackFromItsCanonicalForm(@ForAll long high, @ForAll long low) {
        java.math.BigInteger value = new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array());
        IpAddresses.Address a = new IpAddresses.Address(value, true);
        assertThat(IpAddresses.address(a.toString())).contains(a);
    }
}
