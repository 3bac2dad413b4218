package io.ntfybar.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing-table reading behind "am I offline?", on tables as Linux prints them. */
class NetworkPresenceTest {
    private static final String V4_HEADER =
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";
    private static final String V6_LO_UNREACHABLE = "00000000000000000000000000000000 00 "
            + "00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 "
            + "00200200       lo";

    @Test
    void aDefaultRouteIsAWayOut() {
        assertTrue(NetworkPresence.hasDefaultRoute(
                List.of(
                        V4_HEADER,
                        "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
                        "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0"),
                List.of(V6_LO_UNREACHABLE)));
        assertTrue(
                NetworkPresence.hasDefaultRoute(
                        List.of(V4_HEADER),
                        List.of("00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
                                + "fe800000000000000000000000000001 00000400 00000003 00000000 00000003    wlan0")),
                "IPv6 only");
    }

    @Test
    void bridgesThatRouteNothingOutAndTheKernelsUnreachableDefaultAreNot() {
        assertFalse(NetworkPresence.hasDefaultRoute(
                List.of(
                        V4_HEADER,
                        "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0",
                        "virbr0\t007AA8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0"),
                List.of(V6_LO_UNREACHABLE)));
        assertFalse(
                NetworkPresence.hasDefaultRoute(
                        List.of(V4_HEADER, "wlan0\t00000000\t0101A8C0\t0002\t0\t0\t600\t00000000\t0\t0\t0"), List.of()),
                "a default route that is not up");
    }
}
