package io.ntfybar.notify.mac;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * The one port through which all Objective-C access of the macOS notifier goes. Production uses
 * {@link AppleObjcRuntime}; unit tests use a recording fake that checks every send against a signature table taken
 * from Apple's headers; a test on Linux drives {@link JnaObjcRuntime} with GCC's libobjc.
 *
 * <p>Argument types of every {@code send*} method, exactly: an object, class, selector, block or C pointer is a
 * {@link Pointer} (or {@code null} for nil/NULL); NSInteger and NSUInteger are {@link Long}; BOOL is {@link Byte};
 * CGFloat and double are {@link Double}. Nothing else is accepted (an {@code Integer} or {@code Boolean} would be
 * marshalled with the wrong width). The return kind is chosen by the method: a BOOL is read with {@link #sendByte}.
 */
public interface ObjcRuntime {

    /** {@code objc_getClass}: the class, or null when no class of that name is loaded. */
    Pointer getClass(String name);

    /** {@code sel_registerName}. */
    Pointer selector(String name);

    /** A message whose method returns an object or a C pointer. */
    Pointer sendPointer(Pointer receiver, Pointer selector, Object... args);

    /** A message whose method returns NSInteger or NSUInteger. */
    long sendLong(Pointer receiver, Pointer selector, Object... args);

    /** A message whose method returns BOOL (or char): read as a byte, never as an int. */
    byte sendByte(Pointer receiver, Pointer selector, Object... args);

    /** A message whose method returns void. */
    void sendVoid(Pointer receiver, Pointer selector, Object... args);

    /** A message whose method returns double or CGFloat. */
    double sendDouble(Pointer receiver, Pointer selector, Object... args);

    /** {@code objc_allocateClassPair}: null when a class of that name exists already. */
    Pointer allocateClassPair(Pointer superclass, String name, long extraBytes);

    /**
     * {@code class_addMethod} with a JNA callback as the IMP. The caller keeps {@code imp} strongly reachable for as
     * long as the class can receive the message (for us: the process lifetime).
     */
    boolean addMethod(Pointer cls, Pointer selector, Callback imp, String typeEncoding);

    /** {@code objc_getProtocol}: null when the protocol is not loaded (load its framework first). */
    Pointer getProtocol(String name);

    /** {@code class_addProtocol}. */
    boolean addProtocol(Pointer cls, Pointer protocol);

    /** {@code objc_registerClassPair}. */
    void registerClassPair(Pointer cls);

    /**
     * The address of a global variable or symbol of {@code library} (not its value): for
     * {@code _NSConcreteGlobalBlock} the address is the block's isa; for an {@code NSString *const} constant such as
     * {@code UNNotificationDefaultActionIdentifier} read the pointer stored at the address. Null when not found.
     */
    Pointer globalSymbol(String library, String name);

    /** The library that defines {@code _NSConcreteGlobalBlock} ({@code System} on macOS). */
    String blocksLibrary();

    /** Loads a framework or library by path so that its classes, protocols and constants exist; false on failure. */
    boolean loadFramework(String path);
}
