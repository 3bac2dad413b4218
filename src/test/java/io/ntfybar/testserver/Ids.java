package io.ntfybar.testserver;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids as ntfy makes them: letters and digits. */
final class Ids {
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Ids() {}

    static String random(int length) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = CHARS.charAt(r.nextInt(CHARS.length()));
        }
        return new String(c);
    }

    /** A 12-character message id. */
    static String message() {
        return random(12);
    }
}
