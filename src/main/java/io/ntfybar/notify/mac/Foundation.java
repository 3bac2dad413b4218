package io.ntfybar.notify.mac;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Foundation helpers over an {@link ObjcRuntime}: classes and selectors by name (cached), NSString both ways, NSArray,
 * NSSet and NSDictionary from the non-variadic constructors, autorelease pools and NSError text. No logic of its own.
 */
final class Foundation {
    private final ObjcRuntime rt;
    private final Map<String, Pointer> selectors = new ConcurrentHashMap<>();
    private final Map<String, Pointer> classes = new ConcurrentHashMap<>();

    Foundation(ObjcRuntime rt) {
        this.rt = rt;
    }

    ObjcRuntime runtime() {
        return rt;
    }

    Pointer sel(String name) {
        return selectors.computeIfAbsent(name, rt::selector);
    }

    /** The class; throws when it is not loaded (a message to a nil class would silently do nothing). */
    Pointer cls(String name) {
        Pointer c = classes.get(name);
        if (c == null) {
            c = rt.getClass(name);
            if (c == null) {
                throw new IllegalStateException("Objective-C class " + name + " is not loaded");
            }
            classes.put(name, c);
        }
        return c;
    }

    Pointer ptr(Pointer receiver, String selector, Object... args) {
        return rt.sendPointer(receiver, sel(selector), args);
    }

    void call(Pointer receiver, String selector, Object... args) {
        rt.sendVoid(receiver, sel(selector), args);
    }

    long integer(Pointer receiver, String selector, Object... args) {
        return rt.sendLong(receiver, sel(selector), args);
    }

    boolean bool(Pointer receiver, String selector, Object... args) {
        return rt.sendByte(receiver, sel(selector), args) != 0;
    }

    /** An autoreleased NSString, or nil for null. */
    Pointer string(String s) {
        if (s == null) {
            return null;
        }
        byte[] utf8 = MacMapping.nsSafe(s).getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(utf8.length + 1L);
        m.write(0, utf8, 0, utf8.length);
        m.setByte(utf8.length, (byte) 0);
        try {
            return ptr(cls("NSString"), "stringWithUTF8String:", m);
        } finally {
            Reference.reachabilityFence(m);
        }
    }

    /** The Java text of an NSString, or null for nil. */
    String javaString(Pointer nsString) {
        if (nsString == null) {
            return null;
        }
        Pointer utf8 = ptr(nsString, "UTF8String");
        return utf8 == null ? null : utf8.getString(0, StandardCharsets.UTF_8.name());
    }

    /** An autoreleased NSArray of the objects, through {@code arrayWithObjects:count:} (not the variadic one). */
    Pointer array(List<Pointer> objects) {
        Memory items = pointers(objects);
        try {
            return ptr(cls("NSArray"), "arrayWithObjects:count:", items, (long) objects.size());
        } finally {
            Reference.reachabilityFence(items);
        }
    }

    Pointer set(List<Pointer> objects) {
        return ptr(cls("NSSet"), "setWithArray:", array(objects));
    }

    /** An autoreleased NSDictionary with NSString keys and values, in the map's order. */
    Pointer stringDictionary(Map<String, String> entries) {
        List<Pointer> keys = entries.keySet().stream().map(this::string).toList();
        List<Pointer> values = entries.values().stream().map(this::string).toList();
        Memory k = pointers(keys);
        Memory v = pointers(values);
        try {
            return ptr(cls("NSDictionary"), "dictionaryWithObjects:forKeys:count:", v, k, (long) keys.size());
        } finally {
            Reference.reachabilityFence(k);
            Reference.reachabilityFence(v);
        }
    }

    /** A C array of object pointers; null (with count 0) for none, as Foundation allows. */
    private static Memory pointers(List<Pointer> objects) {
        if (objects.isEmpty()) {
            return null;
        }
        Memory m = new Memory((long) objects.size() * Native.POINTER_SIZE);
        for (int i = 0; i < objects.size(); i++) {
            m.setPointer((long) i * Native.POINTER_SIZE, objects.get(i));
        }
        return m;
    }

    /** The value of an {@code NSString *const} global of {@code library}, or null. */
    String constantString(String library, String symbol) {
        Pointer address = rt.globalSymbol(library, symbol);
        return address == null ? null : javaString(address.getPointer(0));
    }

    /** "domain code: description" of an NSError, for logs. */
    String errorText(Pointer error) {
        if (error == null) {
            return "no error";
        }
        return javaString(ptr(error, "domain")) + " " + integer(error, "code") + ": "
                + javaString(ptr(error, "localizedDescription"));
    }

    /** Runs {@code work} inside {@code [NSAutoreleasePool new]} ... {@code drain}. */
    <T> T inPool(Supplier<T> work) {
        Pointer pool = ptr(cls("NSAutoreleasePool"), "new");
        try {
            return work.get();
        } finally {
            call(pool, "drain");
        }
    }

    void inPool(Runnable work) {
        inPool(() -> {
            work.run();
            return null;
        });
    }
}
