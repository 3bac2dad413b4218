package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The production rule for which addresses a redirect from a public address may not lead to. */
class PrivateAddressesTest {

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("127.0.0.1", true),
                Arguments.of("127.255.255.254", true),
                Arguments.of("0.0.0.0", true),
                Arguments.of("0.1.2.3", true),
                Arguments.of("10.0.0.1", true),
                Arguments.of("10.255.255.255", true),
                Arguments.of("172.16.0.1", true),
                Arguments.of("172.31.255.255", true),
                Arguments.of("192.168.1.1", true),
                Arguments.of("169.254.169.254", true),
                Arguments.of("::1", true),
                Arguments.of("::", true),
                Arguments.of("fe80::1", true),
                Arguments.of("febf::1", true),
                Arguments.of("fc00::1", true),
                Arguments.of("fd12:3456::1", true),
                Arguments.of("::ffff:127.0.0.1", true),
                Arguments.of("::ffff:192.168.0.10", true),
                Arguments.of("::ffff:169.254.169.254", true),
                Arguments.of("8.8.8.8", false),
                Arguments.of("1.1.1.1", false),
                Arguments.of("172.15.255.255", false),
                Arguments.of("172.32.0.1", false),
                Arguments.of("192.169.0.1", false),
                Arguments.of("169.255.0.1", false),
                Arguments.of("11.0.0.1", false),
                Arguments.of("128.0.0.1", false),
                Arguments.of("2001:4860:4860::8888", false),
                Arguments.of("2606:4700::1111", false),
                Arguments.of("fe00::1", false),
                Arguments.of("::ffff:8.8.8.8", false));
    }

    @ParameterizedTest
    @MethodSource
    void addresses(String literal, boolean expected) throws Exception {
        assertEquals(expected, PrivateAddresses.isPrivate(InetAddress.getByName(literal)), literal);
    }

    /** The JDK turns a mapped literal into IPv4; an Inet6Address that keeps the mapped form must count the same. */
    @Test
    void anIpv4AddressMappedIntoAnInet6AddressCountsAsTheIpv4Address() throws Exception {
        byte[] loopback = new byte[16];
        loopback[10] = (byte) 0xff;
        loopback[11] = (byte) 0xff;
        loopback[12] = 127;
        loopback[15] = 1;
        Inet6Address mapped = Inet6Address.getByAddress(null, loopback, -1);
        assertInstanceOf(Inet6Address.class, mapped);
        assertEquals(true, PrivateAddresses.isPrivate(mapped));
        byte[] publicOne = loopback.clone();
        publicOne[12] = 8;
        publicOne[13] = 8;
        publicOne[14] = 8;
        publicOne[15] = 8;
        assertEquals(false, PrivateAddresses.isPrivate(Inet6Address.getByAddress(null, publicOne, -1)));
    }

    @Test
    void theStandardGuardNamesTheAddressOfALiteralAndOfAName() {
        RedirectGuard guard = RedirectGuard.standard();
        assertEquals("127.0.0.1", guard.privateAddress("127.0.0.1"));
        assertEquals("::ffff:10.1.2.3", guard.privateAddress("::ffff:10.1.2.3"));
        assertEquals("::1", guard.privateAddress("::1"));
        assertEquals(null, guard.privateAddress("8.8.8.8"));
        assertEquals(null, guard.privateAddress("2001:4860:4860::8888"));
    }
}
