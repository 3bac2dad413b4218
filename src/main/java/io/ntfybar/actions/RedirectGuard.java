package io.ntfybar.actions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows the redirects of an http action itself (its client has OkHttp's own following switched off), checking each
 * hop before connecting to it: an action whose own URL is on a public address must not be bounced by its server to
 * this machine or the local network (a router's admin page, a service on localhost), which the publisher could not
 * reach directly. The hop's host is resolved first, so a name that points to a private address is caught as well as
 * an address literal, and the connection's own lookup of it is checked again ({@link Hops}). A refused hop fails the
 * call with {@link Refused} or {@link RefusedAddress}, whose message is the sentence to show.
 *
 * <p>Hops follow the usual rules: at most {@value #MAX_HOPS}, only to http and https, 307 and 308 repeat the method
 * and body, the others become a GET without a body (HEAD stays HEAD), and the {@code Authorization} header is not
 * carried to another host. Thread-safe.
 */
final class RedirectGuard {
    /** As many as browsers and OkHttp allow. */
    static final int MAX_HOPS = 20;

    /** Looks up a host's addresses; an address literal is parsed without a lookup. */
    @FunctionalInterface
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A redirect that is not followed; the message is the sentence for people. */
    static final class Refused extends IOException {
        Refused(String sentence) {
            super(sentence);
        }
    }

    private final Predicate<InetAddress> isPrivate;
    private final Resolver resolver;

    /** The real rule: {@link PrivateAddresses} and the system's name lookup. */
    static RedirectGuard standard() {
        return new RedirectGuard(PrivateAddresses::isPrivate, host -> Arrays.asList(InetAddress.getAllByName(host)));
    }

    /**
     * @param isPrivate which addresses count as private
     * @param resolver how a host name becomes addresses
     */
    RedirectGuard(Predicate<InetAddress> isPrivate, Resolver resolver) {
        this.isPrivate = isPrivate;
        this.resolver = resolver;
    }

    /** The interceptor and name lookup for one call: they share what the call learnt about its origin. */
    Hops forCall() {
        return new Hops();
    }

    /**
     * One call's redirect following. Its {@link #dns()}, the client's name lookup, also checks the addresses the
     * connection really uses for a redirect's host: a name that resolved to a public address when the hop was checked
     * and to a private one when connecting (DNS rebinding) is refused then. Other names (the action's own host, a
     * proxy's) are looked up unchanged.
     */
    final class Hops implements Interceptor {
        private volatile boolean startedPrivate = true;
        private final Set<String> redirectHosts = ConcurrentHashMap.newKeySet();

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            // An action that itself goes to a private address (a home server on the LAN) may be redirected within it.
            startedPrivate = privateAddress(request.url().host()) != null;
            Response response = chain.proceed(request);
            for (int hops = 0; ; hops++) {
                Request next = nextHop(response);
                if (next == null) {
                    return response;
                }
                response.close();
                if (hops == MAX_HOPS) {
                    throw new Refused("the server redirected more than " + MAX_HOPS + " times; not followed");
                }
                String host = next.url().host();
                if (!startedPrivate) {
                    String found = privateAddress(host);
                    if (found != null) {
                        throw new Refused("the server redirected to a private address (" + found + "); not followed");
                    }
                    if (!host.equals(request.url().host())) {
                        redirectHosts.add(host);
                    }
                }
                response = chain.proceed(next);
            }
        }

        /** The name lookup for the call's client. */
        Dns dns() {
            return this::lookup;
        }

        private List<InetAddress> lookup(String host) throws UnknownHostException {
            List<InetAddress> addresses = resolver.resolve(host);
            if (startedPrivate || !redirectHosts.contains(host)) {
                return addresses;
            }
            InetAddress a = firstPrivate(addresses);
            if (a != null) {
                throw new RefusedAddress("the server redirected to a private address ("
                        + Snippet.visible(host, Snippet.MAX_CHARS) + " is " + a.getHostAddress() + "); not followed");
            }
            return addresses;
        }
    }

    /** A redirect's host that resolved to a private address when connecting; the message is the sentence. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String sentence) {
            super(sentence);
        }
    }

    /**
     * How a private address of {@code host} is shown ("127.0.0.1", or "router.lan is 192.168.1.1"), or null when it
     * has none. A name that cannot be resolved has none: the connection to it fails on its own.
     */
    String privateAddress(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return null;
        }
        InetAddress a = firstPrivate(addresses);
        if (a == null) {
            return null;
        }
        String shown = Snippet.visible(host, Snippet.MAX_CHARS);
        return isLiteral(host) ? shown : shown + " is " + a.getHostAddress();
    }

    private InetAddress firstPrivate(List<InetAddress> addresses) {
        return addresses.stream().filter(isPrivate).findFirst().orElse(null);
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** The request a redirect asks for, or null when {@code response} is not one to follow. */
    private static Request nextHop(Response response) {
        int code = response.code();
        if (code != 300 && code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
            return null;
        }
        String location = response.header("Location");
        if (location == null) {
            return null;
        }
        Request previous = response.request();
        HttpUrl url = previous.url().resolve(location); // null for any scheme but http and https
        if (url == null) {
            return null;
        }
        Request.Builder next = previous.newBuilder().url(url);
        String method = previous.method().toUpperCase(Locale.ROOT);
        boolean keepsMethod = code == 307 || code == 308 || method.equals("GET") || method.equals("HEAD");
        if (!keepsMethod) {
            next.method("GET", null)
                    .removeHeader("Content-Length")
                    .removeHeader("Content-Type")
                    .removeHeader("Transfer-Encoding");
        }
        HttpUrl from = previous.url();
        boolean sameOrigin =
                from.scheme().equals(url.scheme()) && from.host().equals(url.host()) && from.port() == url.port();
        if (!sameOrigin) {
            next.removeHeader("Authorization");
        }
        return next.build();
    }
}
