package io.ntfybar.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which links ntfybar hands to the system's opener, and the sentences for those it refuses. */
class LinkPolicyTest {

    static Stream<Arguments> opened() {
        return Stream.of(
                Arguments.of("https://ntfy.sh", "https://ntfy.sh"),
                Arguments.of("https://example.com/a?b=c&d=e#f", "https://example.com/a?b=c&d=e#f"),
                Arguments.of("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x"),
                Arguments.of("HTTPS://Example.COM/", "HTTPS://Example.COM/"),
                Arguments.of("hTtP://example.com", "hTtP://example.com"),
                Arguments.of("http://[::1]:80/", "http://[::1]:80/"),
                Arguments.of("https://mastodon.social/@ntfy", "https://mastodon.social/@ntfy"),
                Arguments.of("https://example.com/a?to=phil@example.com", "https://example.com/a?to=phil@example.com"),
                Arguments.of("https://example.com/#@evil.com", "https://example.com/#@evil.com"),
                Arguments.of("https://example.com/%40home", "https://example.com/%40home"),
                Arguments.of("http://[::1]:8080/@x", "http://[::1]:8080/@x"),
                Arguments.of("https://example.com/caf%C3%A9", "https://example.com/caf%C3%A9"),
                Arguments.of("https://example.com/café", "https://example.com/caf%C3%A9"),
                Arguments.of("https://bücher.example/x", "https://xn--bcher-kva.example/x"),
                Arguments.of("mailto:phil@example.com", "mailto:phil@example.com"),
                Arguments.of("MAILTO:a@b.c?subject=Hi%20there", "MAILTO:a@b.c?subject=Hi%20there"));
    }

    @ParameterizedTest
    @MethodSource
    void opened(String link, String expected) {
        LinkPolicy.Decision d = LinkPolicy.decide(link);
        assertTrue(d.isOpen(), link + ": " + d.reason());
        assertEquals(LinkPolicy.Verdict.OPEN, d.verdict());
        assertEquals(expected, d.uri().toString());
        assertNull(d.reason());
        assertTrue(
                d.uri().toString().chars().allMatch(c -> c > 0x20 && c < 0x7F),
                d.uri().toString());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("javascript:alert(1)", "ntfybar does not open javascript: links"),
                Arguments.of("JavaScript:alert(document.cookie)", "ntfybar does not open javascript: links"),
                Arguments.of("JAVASCRIPT://example.com/%0Aalert(1)", "ntfybar does not open javascript: links"),
                Arguments.of("file:///etc/passwd", "ntfybar does not open file: links"),
                Arguments.of("FILE://server/share/x.exe", "ntfybar does not open file: links"),
                Arguments.of("data:text/html;base64,PHNjcmlwdD4=", "ntfybar does not open data: links"),
                Arguments.of("vbscript:msgbox(1)", "ntfybar does not open vbscript: links"),
                Arguments.of("smb://evil.example/share", "ntfybar does not open smb: links"),
                Arguments.of("ms-settings:privacy", "ntfybar does not open ms-settings: links"),
                Arguments.of(
                        "x-apple.systempreferences:com.apple",
                        "ntfybar does not open x-apple.systempreferences: links"),
                Arguments.of("ftp://example.com/a", "ntfybar does not open ftp: links"),
                Arguments.of("myapp://do/something", "ntfybar does not open myapp: links"),
                Arguments.of("tel:+123", "ntfybar does not open tel: links"),
                Arguments.of("intent://scan/#Intent;scheme=zxing;end", "ntfybar does not open intent: links"),
                Arguments.of(
                        " javascript:alert(1)",
                        "not a valid link: \" javascript:alert(1)\" contains spaces or invisible characters"),
                Arguments.of(
                        "java\tscript:alert(1)",
                        "not a valid link: \"java\\u0009script:alert(1)\" contains spaces or invisible characters"),
                Arguments.of(
                        "java\nscript:alert(1)",
                        "not a valid link: \"java\\u000Ascript:alert(1)\" contains spaces or invisible characters"),
                Arguments.of(
                        "\u0000https://example.com",
                        "not a valid link: \"\\u0000https://example.com\" contains spaces or invisible characters"),
                Arguments.of(
                        "https://example.com\u0000.evil",
                        "not a valid link: \"https://example.com\\u0000.evil\" contains spaces or invisible characters"),
                Arguments.of(
                        "https://example.com/ ",
                        "not a valid link: \"https://example.com/ \" contains spaces or invisible characters"),
                Arguments.of(
                        "\u202Ehttps://moc.elpmaxe",
                        "not a valid link: \"\\u202Ehttps://moc.elpmaxe\" contains spaces or invisible characters"),
                Arguments.of(
                        "https://exa\u200Bmple.com",
                        "not a valid link: \"https://exa\\u200Bmple.com\" contains spaces or invisible characters"),
                Arguments.of(
                        "https://example.com/\u00A0x",
                        "not a valid link: \"https://example.com/\u00A0x\" contains spaces or invisible characters"),
                Arguments.of(
                        "https://example.com/\u2028",
                        "not a valid link: \"https://example.com/\\u2028\" contains spaces or invisible characters"),
                Arguments.of(
                        "\uFEFFhttps://example.com",
                        "not a valid link: \"\\uFEFFhttps://example.com\" contains spaces or invisible characters"),
                Arguments.of("example.com", "not a valid link: \"example.com\" does not start with https://"),
                Arguments.of("//evil.example/x", "not a valid link: \"//evil.example/x\" does not start with https://"),
                Arguments.of("/etc/passwd", "not a valid link: \"/etc/passwd\" does not start with https://"),
                Arguments.of(
                        "javascript&#58;alert(1)",
                        "not a valid link: \"javascript&#58;alert(1)\" does not start with https://"),
                Arguments.of(":alert(1)", "not a valid link: \":alert(1)\""),
                Arguments.of("https:", "not a valid link: \"https:\""),
                Arguments.of("https:example.com", "not a valid link: \"https:example.com\" has no host name"),
                Arguments.of("https:///etc/passwd", "not a valid link: \"https:///etc/passwd\" has no host name"),
                Arguments.of("http://", "not a valid link: \"http://\""),
                Arguments.of(
                        "https://exa_mple.com/", "not a valid link: \"https://exa_mple.com/\" has no valid host name"),
                Arguments.of(
                        "https://example.com:99999/",
                        "not a valid link: \"https://example.com:99999/\" has an invalid port"),
                Arguments.of(
                        "https://exa mple.com",
                        "not a valid link: \"https://exa mple.com\" contains spaces or invisible characters"),
                Arguments.of("https://example.com/<script>", "not a valid link: \"https://example.com/<script>\""),
                Arguments.of("https://example.com/%zz", "not a valid link: \"https://example.com/%zz\""),
                Arguments.of("mailto:", "not a valid link: \"mailto:\""),
                Arguments.of("mailto://x", "not a valid link: \"mailto://x\""),
                Arguments.of("", "the message has no link to open"));
    }

    /** Links that show one name while going to another host, each with the host it really goes to. */
    static Stream<Arguments> hidingTheirAddress() {
        return Stream.of(
                Arguments.of("http://user:pw@evil.com/", "evil.com"),
                Arguments.of("https://user@example.com/", "example.com"),
                Arguments.of("https://good.com@evil.com/login", "evil.com"),
                Arguments.of("https://good.com:443@evil.com:8443/", "evil.com"),
                Arguments.of("https://evil.com%2F@good.com", "good.com"),
                Arguments.of("https://good.com%40evil.com/", "evil.com"),
                Arguments.of("https://good.com%40EVIL.com/", "evil.com"),
                Arguments.of("http://evil.com\\@good.com", "evil.com"),
                Arguments.of("https://evil.com\\@good.com/", "evil.com"),
                Arguments.of("https:\\\\good.com@evil.com/", "evil.com"),
                Arguments.of("https://a@b@c/", "c"),
                Arguments.of("HTTPS://Good.Com@Evil.Com/", "evil.com"),
                Arguments.of("http://good.com@[::1]:8080/", "[::1]"),
                Arguments.of("https://good.com@127.0.0.1/", "127.0.0.1"),
                Arguments.of("https:good.com@evil.com", "evil.com"));
    }

    @ParameterizedTest
    @MethodSource
    void hidingTheirAddress(String link, String realHost) {
        LinkPolicy.Decision d = LinkPolicy.decide(link);
        assertFalse(d.isOpen(), link);
        assertEquals("this link hides its real address: it goes to " + realHost, d.reason());
        assertFalse(LinkPolicy.decideRequest(link).isOpen(), "an http action to " + link);
    }

    @Test
    void aUserNameWithoutAHostIsRefusedAsHidingToo() {
        assertEquals(
                "this link hides its real address: it names no host after the user name",
                LinkPolicy.decide("https://good.com@/x").reason());
    }

    @ParameterizedTest
    @MethodSource
    void refused(String link, String reason) {
        LinkPolicy.Decision d = LinkPolicy.decide(link);
        assertFalse(d.isOpen(), link);
        assertEquals(LinkPolicy.Verdict.REFUSE, d.verdict());
        assertNull(d.uri());
        assertEquals(reason, d.reason());
    }

    @Test
    void nullAndOverlongLinksAreRefused() {
        assertEquals(
                "the message has no link to open",
                LinkPolicy.decide((String) null).reason());
        assertEquals(
                "the message has no link to open", LinkPolicy.decide((URI) null).reason());
        String longLink = "https://example.com/" + "a".repeat(LinkPolicy.MAX_LENGTH);
        assertEquals(
                "not a valid link: it is longer than 8000 characters",
                LinkPolicy.decide(longLink).reason());
        assertTrue(LinkPolicy.decide("https://example.com/" + "a".repeat(7000)).isOpen());
    }

    @Test
    void aUriIsJudgedByTheSameRules() {
        assertTrue(LinkPolicy.decide(URI.create("https://example.com/x")).isOpen());
        assertEquals(
                "ntfybar does not open javascript: links",
                LinkPolicy.decide(URI.create("javascript:alert(1)")).reason());
        assertEquals(
                "ntfybar does not open file: links",
                LinkPolicy.decide(new File("/etc/passwd").toURI()).reason());
    }

    @Test
    void aRefusalQuotesAtMostSixtyCharacters() {
        String reason = LinkPolicy.decide("nonsense " + "x".repeat(500)).reason();
        assertTrue(reason.length() < 140, reason);
        assertTrue(reason.contains("…"), reason);
    }
}
