package io.ntfybar.notify.mac;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every selector the macOS notifier sends, with its types written from Apple's SDK headers (Foundation,
 * UserNotifications) in Objective-C type-encoding letters: {@code @} object, {@code #} class, {@code :} selector,
 * {@code *} C string, {@code ^} C pointer (here {@code ^@}, an array of or out-pointer to objects), {@code ?} block
 * ({@code @?}), {@code q} NSInteger, {@code Q} NSUInteger, {@code B} BOOL, {@code d} double, {@code v} void.
 *
 * <p>The recording fake rejects any send that is not in this table or whose Java argument types or return kind do not
 * follow from it; on a Mac, {@code AppleSignaturesTest} compares the table with the real runtime's encodings.
 */
final class Signatures {

    /** How a return value is read: which {@code send*} method must be used. */
    enum Ret {
        POINTER,
        LONG,
        BYTE,
        VOID,
        DOUBLE
    }

    /**
     * @param cls the class that declares it (subclasses inherit it)
     * @param classMethod {@code +} (sent to the class) or {@code -} (to an instance)
     * @param ret return type letter
     * @param args argument type letters, one per argument ({@code ?} stands for a block, {@code @?})
     */
    record Sig(String cls, boolean classMethod, String selector, char ret, String args) {
        int argCount() {
            return args.length();
        }

        Ret retKind() {
            return kindOfReturn(ret);
        }

        Class<?> javaType(int i) {
            return javaTypeOf(args.charAt(i));
        }
    }

    static final Map<String, Sig> TABLE = build();

    private Signatures() {}

    private static Map<String, Sig> build() {
        List<Sig> s = new ArrayList<>();
        // Foundation
        s.add(new Sig("NSObject", true, "new", '@', ""));
        s.add(new Sig("NSObject", false, "release", 'v', ""));
        s.add(new Sig("NSObject", false, "respondsToSelector:", 'B', ":"));
        s.add(new Sig("NSAutoreleasePool", false, "drain", 'v', ""));
        s.add(new Sig("NSBundle", true, "mainBundle", '@', ""));
        s.add(new Sig("NSBundle", false, "bundleIdentifier", '@', ""));
        s.add(new Sig("NSBundle", false, "bundlePath", '@', ""));
        s.add(new Sig("NSString", true, "stringWithUTF8String:", '@', "*"));
        s.add(new Sig("NSString", false, "UTF8String", '*', ""));
        s.add(new Sig("NSArray", true, "arrayWithObjects:count:", '@', "^Q"));
        s.add(new Sig("NSSet", true, "setWithArray:", '@', "@"));
        s.add(new Sig("NSDictionary", true, "dictionaryWithObjects:forKeys:count:", '@', "^^Q"));
        s.add(new Sig("NSURL", true, "fileURLWithPath:", '@', "@"));
        s.add(new Sig("NSError", false, "domain", '@', ""));
        s.add(new Sig("NSError", false, "code", 'q', ""));
        s.add(new Sig("NSError", false, "localizedDescription", '@', ""));
        // UserNotifications: the center
        s.add(new Sig("UNUserNotificationCenter", true, "currentNotificationCenter", '@', ""));
        s.add(new Sig("UNUserNotificationCenter", false, "setDelegate:", 'v', "@"));
        s.add(new Sig(
                "UNUserNotificationCenter", false, "requestAuthorizationWithOptions:completionHandler:", 'v', "Q?"));
        s.add(new Sig("UNUserNotificationCenter", false, "setNotificationCategories:", 'v', "@"));
        s.add(new Sig("UNUserNotificationCenter", false, "addNotificationRequest:withCompletionHandler:", 'v', "@?"));
        s.add(new Sig("UNUserNotificationCenter", false, "removeDeliveredNotificationsWithIdentifiers:", 'v', "@"));
        s.add(new Sig(
                "UNUserNotificationCenter", false, "removePendingNotificationRequestsWithIdentifiers:", 'v', "@"));
        // content
        for (String setter : List.of(
                "setTitle:",
                "setSubtitle:",
                "setBody:",
                "setThreadIdentifier:",
                "setSound:",
                "setCategoryIdentifier:",
                "setUserInfo:",
                "setAttachments:")) {
            s.add(new Sig("UNMutableNotificationContent", false, setter, 'v', "@"));
        }
        s.add(new Sig("UNMutableNotificationContent", false, "setInterruptionLevel:", 'v', "Q"));
        s.add(new Sig("UNNotificationSound", true, "defaultSound", '@', ""));
        s.add(new Sig("UNNotificationSound", true, "soundNamed:", '@', "@"));
        s.add(new Sig("UNNotificationRequest", true, "requestWithIdentifier:content:trigger:", '@', "@@@"));
        s.add(new Sig("UNNotificationRequest", false, "identifier", '@', ""));
        s.add(new Sig("UNNotificationAction", true, "actionWithIdentifier:title:options:", '@', "@@Q"));
        s.add(new Sig(
                "UNNotificationCategory",
                true,
                "categoryWithIdentifier:actions:intentIdentifiers:options:",
                '@',
                "@@@Q"));
        s.add(new Sig("UNNotificationAttachment", true, "attachmentWithIdentifier:URL:options:error:", '@', "@@@^"));
        // the response side
        s.add(new Sig("UNNotificationResponse", false, "actionIdentifier", '@', ""));
        s.add(new Sig("UNNotificationResponse", false, "notification", '@', ""));
        s.add(new Sig("UNNotification", false, "request", '@', ""));
        Map<String, Sig> m = new LinkedHashMap<>();
        for (Sig sig : s) {
            if (m.put(sig.selector(), sig) != null) {
                throw new IllegalStateException("duplicate " + sig.selector());
            }
        }
        return m;
    }

    static Ret kindOfReturn(char c) {
        return switch (c) {
            case '@', '#', ':', '*', '^' -> Ret.POINTER;
            case 'q', 'Q' -> Ret.LONG;
            case 'B', 'c' -> Ret.BYTE;
            case 'v' -> Ret.VOID;
            case 'd' -> Ret.DOUBLE;
            default -> throw new IllegalArgumentException("type " + c);
        };
    }

    static Class<?> javaTypeOf(char c) {
        return switch (c) {
            case '@', '#', ':', '*', '^', '?' -> Pointer.class;
            case 'q', 'Q' -> Long.class;
            case 'B', 'c' -> Byte.class;
            case 'd' -> Double.class;
            default -> throw new IllegalArgumentException("type " + c);
        };
    }

    /**
     * The table's letters of a runtime type encoding such as {@code v40@0:8@16@?24^@32}: qualifiers and offsets
     * dropped, any pointer ({@code ^...}, {@code r*}) reduced to its first letter, a block {@code @?} to {@code ?};
     * the return first, then the arguments after self and _cmd.
     */
    static String normalize(String encoding) {
        List<Character> types = new ArrayList<>();
        int i = 0;
        while (i < encoding.length()) {
            char c = encoding.charAt(i);
            if ("rnNoORV".indexOf(c) >= 0 || Character.isDigit(c) || c == '-') {
                i++;
                continue;
            }
            if (c == '^') {
                types.add('^');
                i = skipType(encoding, i + 1);
            } else if (c == '@' && i + 1 < encoding.length() && encoding.charAt(i + 1) == '?') {
                types.add('?');
                i += 2;
            } else if (c == '@' && i + 1 < encoding.length() && encoding.charAt(i + 1) == '"') {
                types.add('@');
                i = encoding.indexOf('"', i + 2) + 1;
            } else {
                types.add(c);
                i = skipType(encoding, i);
            }
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < types.size(); k++) {
            if (k == 1 || k == 2) {
                continue; // self, _cmd
            }
            b.append(types.get(k));
        }
        return b.toString();
    }

    private static int skipType(String e, int i) {
        if (i >= e.length()) {
            return i;
        }
        char c = e.charAt(i);
        if (c == '{' || c == '(' || c == '[') {
            char close = c == '{' ? '}' : c == '(' ? ')' : ']';
            int depth = 0;
            for (int k = i; k < e.length(); k++) {
                if (e.charAt(k) == c) {
                    depth++;
                } else if (e.charAt(k) == close && --depth == 0) {
                    return k + 1;
                }
            }
            return e.length();
        }
        if (c == '^') {
            return skipType(e, i + 1);
        }
        if (c == '@' && i + 1 < e.length() && e.charAt(i + 1) == '?') {
            return i + 2;
        }
        return i + 1;
    }

    /** Letters that stand for the same width: NSInteger and NSUInteger, BOOL as char (x86_64) or bool (arm64). */
    static String widthClass(String letters) {
        return letters.replace('Q', 'q').replace('c', 'B').replace('*', '^');
    }
}
