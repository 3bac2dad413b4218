package io.ntfybar.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoProxyTest {
    @Test
    void aDomainMatchesItselfAndNamesBelowItButNotLookalikes() {
        NoProxy n = NoProxy.parse("example.com");
        assertTrue(n.matches("example.com", 443));
        assertTrue(n.matches("ntfy.example.com", 443));
        assertTrue(n.matches("NTFY.Example.COM.", 80), "case and a trailing dot do not matter");
        assertFalse(n.matches("badexample.com", 443), "a suffix of the name is not a subdomain");
        assertFalse(n.matches("example.com.evil.net", 443));
    }

    @Test
    void leadingDotsAndStarDotMeanTheSameAsThePlainDomain() {
        for (String entry : new String[] {".example.com", "*.example.com"}) {
            NoProxy n = NoProxy.parse(entry);
            assertTrue(n.matches("a.b.example.com", 443), entry);
            assertTrue(n.matches("example.com", 443), entry);
            assertFalse(n.matches("otherexample.com", 443), entry);
        }
    }

    @Test
    void aPortLimitsTheEntryToThatPort() {
        NoProxy n = NoProxy.parse("intranet.local:8080, [::1]:9000, 10.1.2.3:81");
        assertTrue(n.matches("intranet.local", 8080));
        assertFalse(n.matches("intranet.local", 443));
        assertTrue(n.matches("::1", 9000));
        assertTrue(n.matches("[::1]", 9000));
        assertFalse(n.matches("::1", 9001));
        assertTrue(n.matches("10.1.2.3", 81));
        assertFalse(n.matches("10.1.2.3", 80));
    }

    @Test
    void aStarAloneMatchesEverything() {
        assertTrue(NoProxy.parse("*").matches("anything.example", 1));
        assertTrue(NoProxy.parse("foo, *").matches("ntfy.sh", 443));
    }

    @Test
    void ipLiteralsAndRangesMatchOnlyAddressesAndNamesAreNeverResolved() {
        NoProxy n = NoProxy.parse("192.168.0.0/16 fd00::/8,  10.0.0.7");
        assertTrue(n.matches("192.168.44.2", 443));
        assertFalse(n.matches("192.169.0.1", 443));
        assertTrue(n.matches("fd12:3456::1", 443));
        assertFalse(n.matches("fe80::1", 443));
        assertTrue(n.matches("10.0.0.7", 80));
        assertFalse(n.matches("10.0.0.8", 80));
        assertFalse(n.matches("router.home", 80), "a name is not looked up to compare with an address");
        assertTrue(NoProxy.parse("::1").matches("0:0:0:0:0:0:0:1", 80), "IPv6 in any spelling");
    }

    @Test
    void emptyAndUnreadableEntriesChangeNothing() {
        assertFalse(NoProxy.parse(null).matches("example.com", 443));
        assertFalse(NoProxy.parse("  ").matches("example.com", 443));
        NoProxy n = NoProxy.parse(",, 1.2.3.4/99, host:notaport, [::1, 999.1.1.1, example.org");
        assertFalse(n.matches("1.2.3.4", 443));
        assertTrue(n.matches("example.org", 443));
    }
}
