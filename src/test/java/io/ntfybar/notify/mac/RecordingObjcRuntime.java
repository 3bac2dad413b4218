package io.ntfybar.notify.mac;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A fake Objective-C world for the macOS notifier's unit tests: fake object ids, a record of every message and runtime
 * call, and the behaviour of the few Foundation and UserNotifications methods the notifier uses. Every send is checked
 * against {@link Signatures#TABLE}: an unknown selector, a class method sent to an instance (or the reverse), a
 * receiver of the wrong class, a wrong argument count or Java type (Integer for NSInteger, Boolean for BOOL) or the
 * wrong {@code send*} for the return type throws {@link WrongCall}. Every send except {@code [NSAutoreleasePool new]}
 * must happen inside an autorelease pool of the sending thread.
 *
 * <p>Tests choose the bundle identifier and path, which selectors {@code respondsToSelector:} denies, and whether an
 * attachment is refused; they fire the authorization and add-request completion blocks and the delegate methods.
 */
final class RecordingObjcRuntime implements ObjcRuntime {
    static final Pointer GLOBAL_BLOCK_ISA = new Pointer(0x6b6c6f63L);
    private static final AtomicLong IDS = new AtomicLong(0x100000);

    /** A send or runtime call that does not match Apple's declarations. */
    static final class WrongCall extends RuntimeException {
        WrongCall(String message) {
            super(message);
        }
    }

    /** A fake object or class. */
    final class Obj {
        final Pointer ptr;
        final String cls;
        final boolean isClass;
        final Map<String, Object> props = new HashMap<>();
        Object value;

        Obj(String cls, boolean isClass, Object value) {
            this.ptr = new Pointer(IDS.addAndGet(16));
            this.cls = cls;
            this.isClass = isClass;
            this.value = value;
            objects.put(Pointer.nativeValue(ptr), this);
        }

        @Override
        public String toString() {
            return render(ptr, '@');
        }
    }

    /** One recorded message or runtime call. */
    record Call(String receiverClass, boolean toClass, String selector, List<Object> args, String text, String thread) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final Map<Long, Obj> objects = new HashMap<>();
    private final Map<String, Obj> classes = new HashMap<>();
    private final Map<String, String> superclasses = new HashMap<>();
    private final Map<Long, String> selectorNames = new HashMap<>();
    private final Map<String, Pointer> selectors = new HashMap<>();
    private final Set<String> loaded = new HashSet<>();
    private final Set<String> pendingClasses = new HashSet<>();
    private final Map<String, Map<String, Callback>> methods = new HashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Memory> keep = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Integer> poolDepth = ThreadLocal.withInitial(() -> 0);

    volatile String bundleIdentifier = "io.ntfybar.app";
    volatile String bundlePath = "/Applications/ntfybar.app";
    final Set<String> unsupportedSelectors = Collections.synchronizedSet(new HashSet<>());
    volatile boolean refuseAttachments;
    /** A selector whose send throws, to simulate a failure. */
    volatile String failOn;

    volatile Obj center;
    volatile Pointer delegate;
    volatile Pointer authorizationBlock;
    volatile Pointer addRequestBlock;
    volatile Obj lastRequest;

    RecordingObjcRuntime() {
        for (String c : List.of("NSObject", "NSAutoreleasePool", "NSBundle", "NSString", "NSArray", "NSSet")) {
            defineClass(c, "NSObject", MacNotifier.FOUNDATION_FRAMEWORK);
        }
        for (String c : List.of("NSDictionary", "NSURL", "NSError")) {
            defineClass(c, "NSObject", MacNotifier.FOUNDATION_FRAMEWORK);
        }
        for (String c : List.of(
                "UNUserNotificationCenter",
                "UNNotificationContent",
                "UNNotificationSound",
                "UNNotificationRequest",
                "UNNotificationAction",
                "UNNotificationCategory",
                "UNNotificationAttachment",
                "UNNotificationResponse",
                "UNNotification")) {
            defineClass(c, "NSObject", MacNotifier.UN_FRAMEWORK);
        }
        defineClass("UNMutableNotificationContent", "UNNotificationContent", MacNotifier.UN_FRAMEWORK);
        superclasses.put("NSObject", null);
    }

    private final Map<String, String> frameworkOf = new HashMap<>();

    private void defineClass(String name, String superclass, String framework) {
        classes.put(name, new Obj(name, true, null));
        superclasses.put(name, superclass);
        frameworkOf.put(name, framework);
    }

    // ------------------------------------------------------------------ ObjcRuntime

    @Override
    public synchronized Pointer getClass(String name) {
        record("objc_getClass " + name);
        Obj c = classes.get(name);
        if (c == null || pendingClasses.contains(name)) {
            return null;
        }
        String fw = frameworkOf.get(name);
        if (fw != null && !fw.equals("libobjc") && !loaded.contains(fw)) {
            return null; // not loaded yet
        }
        return c.ptr;
    }

    @Override
    public synchronized Pointer selector(String name) {
        return selectors.computeIfAbsent(name, n -> {
            Pointer p = new Pointer(IDS.addAndGet(16));
            selectorNames.put(Pointer.nativeValue(p), n);
            return p;
        });
    }

    @Override
    public Pointer sendPointer(Pointer receiver, Pointer selector, Object... args) {
        return (Pointer) send(Signatures.Ret.POINTER, receiver, selector, args);
    }

    @Override
    public long sendLong(Pointer receiver, Pointer selector, Object... args) {
        return (Long) send(Signatures.Ret.LONG, receiver, selector, args);
    }

    @Override
    public byte sendByte(Pointer receiver, Pointer selector, Object... args) {
        return (Byte) send(Signatures.Ret.BYTE, receiver, selector, args);
    }

    @Override
    public void sendVoid(Pointer receiver, Pointer selector, Object... args) {
        send(Signatures.Ret.VOID, receiver, selector, args);
    }

    @Override
    public double sendDouble(Pointer receiver, Pointer selector, Object... args) {
        return (Double) send(Signatures.Ret.DOUBLE, receiver, selector, args);
    }

    @Override
    public synchronized Pointer allocateClassPair(Pointer superclass, String name, long extraBytes) {
        Obj sup = objects.get(Pointer.nativeValue(superclass));
        if (sup == null || !sup.isClass) {
            throw new WrongCall("objc_allocateClassPair: superclass is not a class");
        }
        record("objc_allocateClassPair " + sup.cls + " " + name + " " + extraBytes);
        if (classes.containsKey(name)) {
            return null;
        }
        defineClass(name, sup.cls, null);
        pendingClasses.add(name);
        return classes.get(name).ptr;
    }

    @Override
    public synchronized boolean addMethod(Pointer cls, Pointer selector, Callback imp, String typeEncoding) {
        Obj c = objects.get(Pointer.nativeValue(cls));
        String sel = selectorNames.get(Pointer.nativeValue(selector));
        if (c == null || !pendingClasses.contains(c.cls) || sel == null || imp == null) {
            throw new WrongCall("class_addMethod on " + c + " " + sel + ": not a class under construction");
        }
        if (!typeEncoding.equals(DelegateClass.METHOD_TYPES)) {
            throw new WrongCall("class_addMethod " + sel + " with types " + typeEncoding);
        }
        record("class_addMethod " + c.cls + " " + sel + " " + typeEncoding);
        methods.computeIfAbsent(c.cls, k -> new HashMap<>()).put(sel, imp);
        return true;
    }

    @Override
    public synchronized Pointer getProtocol(String name) {
        record("objc_getProtocol " + name);
        if (name.equals(DelegateClass.PROTOCOL) && loaded.contains(MacNotifier.UN_FRAMEWORK)) {
            return protocol.ptr;
        }
        return null;
    }

    private final Obj protocol = new Obj("Protocol", false, DelegateClass.PROTOCOL);

    @Override
    public synchronized boolean addProtocol(Pointer cls, Pointer proto) {
        Obj c = objects.get(Pointer.nativeValue(cls));
        if (c == null || !pendingClasses.contains(c.cls) || !proto.equals(protocol.ptr)) {
            throw new WrongCall("class_addProtocol");
        }
        record("class_addProtocol " + c.cls + " " + DelegateClass.PROTOCOL);
        return true;
    }

    @Override
    public synchronized void registerClassPair(Pointer cls) {
        Obj c = objects.get(Pointer.nativeValue(cls));
        if (c == null || !pendingClasses.remove(c.cls)) {
            throw new WrongCall("objc_registerClassPair of a class not under construction");
        }
        record("objc_registerClassPair " + c.cls);
    }

    @Override
    public synchronized Pointer globalSymbol(String library, String name) {
        record("global " + name);
        if (name.equals("_NSConcreteGlobalBlock") && library.equals(blocksLibrary())) {
            return GLOBAL_BLOCK_ISA;
        }
        if (library.equals(MacNotifier.UN_FRAMEWORK) && loaded.contains(library)) {
            String value =
                    switch (name) {
                        case "UNNotificationDefaultActionIdentifier" -> "com.apple.UNNotificationDefaultActionIdentifier";
                        case "UNNotificationDismissActionIdentifier" -> "com.apple.UNNotificationDismissActionIdentifier";
                        default -> null;
                    };
            if (value != null) {
                Memory variable = new Memory(8);
                variable.setPointer(0, new Obj("NSString", false, value).ptr);
                keep.add(variable);
                return variable;
            }
        }
        return null;
    }

    @Override
    public String blocksLibrary() {
        return "System";
    }

    @Override
    public synchronized boolean loadFramework(String path) {
        record("load " + path);
        loaded.add(path);
        return true;
    }

    // ------------------------------------------------------------------ sends

    private Object send(Signatures.Ret kind, Pointer receiver, Pointer selector, Object[] args) {
        Call call;
        Obj self;
        String sel;
        synchronized (this) {
            sel = selector == null ? null : selectorNames.get(Pointer.nativeValue(selector));
            if (sel == null) {
                throw new WrongCall("unregistered selector " + selector);
            }
            Signatures.Sig sig = Signatures.TABLE.get(sel);
            if (sig == null) {
                throw new WrongCall("selector not in the signature table: " + sel);
            }
            if (sig.retKind() != kind) {
                throw new WrongCall(sel + " returns " + sig.retKind() + " but was sent as " + kind);
            }
            self = receiver == null ? null : objects.get(Pointer.nativeValue(receiver));
            if (self == null) {
                throw new WrongCall(sel + " sent to " + (receiver == null ? "nil" : "an unknown object"));
            }
            if (self.isClass != sig.classMethod()) {
                throw new WrongCall(sel + " is a " + (sig.classMethod() ? "class" : "instance") + " method, sent to "
                        + self.cls + (self.isClass ? " (class)" : " (instance)"));
            }
            if (!isKindOf(self.cls, sig.cls())) {
                throw new WrongCall(sel + " is declared on " + sig.cls() + ", sent to " + self.cls);
            }
            if (args.length != sig.argCount()) {
                throw new WrongCall(sel + " takes " + sig.argCount() + " arguments, got " + args.length);
            }
            for (int i = 0; i < args.length; i++) {
                Class<?> want = sig.javaType(i);
                if (args[i] == null ? want != Pointer.class : args[i].getClass() != want && !isPointer(args[i], want)) {
                    throw new WrongCall(sel + " argument " + i + " must be " + want.getSimpleName() + ", got "
                            + (args[i] == null ? "null" : args[i].getClass().getSimpleName()));
                }
            }
            if (!(sel.equals("new") && self.cls.equals("NSAutoreleasePool")) && poolDepth.get() == 0) {
                throw new WrongCall(sel + " sent outside an autorelease pool on "
                        + Thread.currentThread().getName());
            }
            StringBuilder text = new StringBuilder(self.isClass ? "+" : "-")
                    .append(self.cls)
                    .append(' ')
                    .append(sel);
            for (int i = 0; i < args.length; i++) {
                text.append(i == 0 ? " " : ", ")
                        .append(render(args[i], sig.args().charAt(i)));
            }
            call = new Call(self.cls, self.isClass, sel, List.of(nullSafe(args)), text.toString(), threadName());
        }
        calls.add(call);
        if (sel.equals(failOn)) {
            throw new IllegalStateException("simulated failure of " + sel);
        }
        return behave(self, sel, args);
    }

    private static boolean isPointer(Object arg, Class<?> want) {
        return want == Pointer.class && arg instanceof Pointer;
    }

    private static Object[] nullSafe(Object[] args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i] == null ? "nil" : args[i];
        }
        return a;
    }

    private boolean isKindOf(String cls, String declaring) {
        for (String c = cls; c != null; c = superclasses.get(c)) {
            if (c.equals(declaring)) {
                return true;
            }
        }
        return false;
    }

    private Object behave(Obj self, String sel, Object[] a) {
        switch (sel) {
            case "new":
                if (self.cls.equals("NSAutoreleasePool")) {
                    poolDepth.set(poolDepth.get() + 1);
                }
                return newObj(self.cls, null).ptr;
            case "drain":
                poolDepth.set(poolDepth.get() - 1);
                return null;
            case "mainBundle":
                return newObj("NSBundle", null).ptr;
            case "bundleIdentifier":
                return stringOrNil(bundleIdentifier);
            case "bundlePath":
                return stringOrNil(bundlePath);
            case "stringWithUTF8String:":
                return newObj("NSString", ((Pointer) a[0]).getString(0, "UTF-8")).ptr;
            case "UTF8String": {
                byte[] b = ((String) self.value).getBytes(StandardCharsets.UTF_8);
                Memory m = new Memory(b.length + 1L);
                m.write(0, b, 0, b.length);
                m.setByte(b.length, (byte) 0);
                keep.add(m);
                return m;
            }
            case "arrayWithObjects:count:":
                return newObj("NSArray", readObjects((Pointer) a[0], (Long) a[1])).ptr;
            case "setWithArray:":
                return newObj("NSSet", obj((Pointer) a[0]).value).ptr;
            case "dictionaryWithObjects:forKeys:count:": {
                List<Obj> values = readObjects((Pointer) a[0], (Long) a[2]);
                List<Obj> keys = readObjects((Pointer) a[1], (Long) a[2]);
                Map<String, String> map = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    map.put((String) keys.get(i).value, (String) values.get(i).value);
                }
                return newObj("NSDictionary", map).ptr;
            }
            case "fileURLWithPath:":
                return newObj("NSURL", obj((Pointer) a[0]).value).ptr;
            case "respondsToSelector:":
                return unsupportedSelectors.contains(selectorNames.get(Pointer.nativeValue((Pointer) a[0])))
                        ? (byte) 0
                        : (byte) 1;
            case "currentNotificationCenter":
                if (center == null) {
                    center = newObj("UNUserNotificationCenter", null);
                }
                return center.ptr;
            case "setDelegate:":
                delegate = (Pointer) a[0];
                return null;
            case "requestAuthorizationWithOptions:completionHandler:":
                authorizationBlock = (Pointer) a[1];
                return null;
            case "addNotificationRequest:withCompletionHandler:":
                lastRequest = obj((Pointer) a[0]);
                addRequestBlock = (Pointer) a[1];
                return null;
            case "defaultSound":
                return newObj("UNNotificationSound", "default").ptr;
            case "soundNamed:":
                return newObj("UNNotificationSound", obj((Pointer) a[0]).value).ptr;
            case "requestWithIdentifier:content:trigger:":
                return newObj("UNNotificationRequest", obj((Pointer) a[0]).value).ptr;
            case "actionWithIdentifier:title:options:":
                return newObj("UNNotificationAction", obj((Pointer) a[0]).value + "=" + obj((Pointer) a[1]).value).ptr;
            case "categoryWithIdentifier:actions:intentIdentifiers:options:":
                return newObj("UNNotificationCategory", obj((Pointer) a[0]).value).ptr;
            case "attachmentWithIdentifier:URL:options:error:": {
                Pointer out = (Pointer) a[3];
                if (refuseAttachments) {
                    Obj error = newObj("NSError", null);
                    error.props.put("domain", "UNErrorDomain");
                    error.props.put("code", 101L);
                    error.props.put("localizedDescription", "Unrecognized attachment file type");
                    out.setPointer(0, error.ptr);
                    return null;
                }
                return newObj("UNNotificationAttachment", obj((Pointer) a[1]).value).ptr;
            }
            case "code":
                return self.props.get("code");
            case "domain", "localizedDescription", "actionIdentifier", "identifier":
                return stringOrNil((String) self.props.get(sel));
            case "notification", "request":
                return ((Obj) self.props.get(sel)).ptr;
            default:
                if (Signatures.TABLE.get(sel).retKind() == Signatures.Ret.VOID) {
                    return null;
                }
                throw new WrongCall("the fake has no behaviour for " + sel);
        }
    }

    private Pointer stringOrNil(String s) {
        return s == null ? null : newObj("NSString", s).ptr;
    }

    private synchronized Obj newObj(String cls, Object value) {
        return new Obj(cls, false, value);
    }

    synchronized Obj obj(Pointer p) {
        return p == null ? null : objects.get(Pointer.nativeValue(p));
    }

    private List<Obj> readObjects(Pointer array, long count) {
        List<Obj> out = new ArrayList<>();
        if (count > 0 && array == null) {
            throw new WrongCall("NULL object array with count " + count);
        }
        for (int i = 0; i < count; i++) {
            Obj o = obj(array.getPointer(8L * i));
            if (o == null) {
                throw new WrongCall("element " + i + " of an object array is not an object");
            }
            out.add(o);
        }
        return out;
    }

    private synchronized void record(String text) {
        calls.add(new Call(null, false, text, List.of(), "rt " + text, threadName()));
    }

    private static String threadName() {
        return Thread.currentThread().getName();
    }

    /** A readable form: strings quoted, arrays in brackets, objects by class. */
    synchronized String render(Object arg, char type) {
        if (arg == null) {
            return "nil";
        }
        if (arg instanceof Long l) {
            return l + "L";
        }
        if (arg instanceof Byte b) {
            return "(byte)" + b;
        }
        if (arg instanceof Double d) {
            return d + "d";
        }
        Pointer p = (Pointer) arg;
        if (type == ':') {
            return "@selector(" + selectorNames.get(Pointer.nativeValue(p)) + ")";
        }
        if (type == '?') {
            return "^block " + blockSignature(p);
        }
        if (type == '*') {
            return "\"" + p.getString(0, "UTF-8") + "\" (C)";
        }
        Obj o = objects.get(Pointer.nativeValue(p));
        if (o == null) {
            return type == '^' ? "&ptr" : "<?>";
        }
        if (o.isClass) {
            return o.cls;
        }
        return switch (o.cls) {
            case "NSString" -> "\"" + o.value + "\"";
            case "NSArray" -> renderList(o.value);
            case "NSSet" -> "set" + renderList(o.value);
            case "NSDictionary" -> "dict" + o.value;
            case "NSURL" -> "file-url(" + o.value + ")";
            default -> o.value == null ? "<" + o.cls + ">" : "<" + o.cls + " " + o.value + ">";
        };
    }

    @SuppressWarnings("unchecked")
    private String renderList(Object value) {
        return ((List<Obj>) value).stream().map(Obj::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The signature of a block we were given, after checking it is a global block as the Blocks ABI lays it out: isa
     * is the address of {@code _NSConcreteGlobalBlock}, flags global|signature, descriptor size 32.
     */
    static String blockSignature(Pointer block) {
        if (!GLOBAL_BLOCK_ISA.equals(block.getPointer(0))) {
            throw new WrongCall("block isa is not the address of _NSConcreteGlobalBlock");
        }
        if (block.getInt(8) != ((1 << 28) | (1 << 30))) {
            throw new WrongCall("block flags " + Integer.toHexString(block.getInt(8)));
        }
        Pointer descriptor = block.getPointer(24);
        if (descriptor.getLong(8) != 32) {
            throw new WrongCall("block descriptor size " + descriptor.getLong(8));
        }
        return descriptor.getPointer(16).getString(0, "US-ASCII");
    }

    // ------------------------------------------------------------------ for tests

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** All calls rendered, in order. */
    List<String> log() {
        return calls().stream().map(Call::text).toList();
    }

    /** Only the message sends, rendered. */
    List<String> sends() {
        return calls().stream()
                .filter(c -> c.receiverClass() != null)
                .map(Call::text)
                .toList();
    }

    boolean sent(String selector) {
        return calls().stream().anyMatch(c -> selector.equals(c.selector()) && c.receiverClass() != null);
    }

    /** Fires the authorization completion block the notifier gave to the center, through its invoke slot. */
    void fireAuthorization(boolean granted, Obj error) {
        Pointer block = authorizationBlock;
        if (block == null) {
            throw new IllegalStateException("no authorization was requested");
        }
        if (!blockSignature(block).equals("v@?B@")) {
            throw new WrongCall("authorization block signature " + blockSignature(block));
        }
        Function.getFunction(block.getPointer(16))
                .invokeVoid(new Object[] {block, granted ? (byte) 1 : (byte) 0, error == null ? null : error.ptr});
    }

    Obj error(String domain, long code, String description) {
        Obj e = newObj("NSError", null);
        e.props.put("domain", domain);
        e.props.put("code", code);
        e.props.put("localizedDescription", description);
        return e;
    }

    /** Calls the delegate's didReceive method as macOS would, with a response carrying {@code actionIdentifier}. */
    void fireDidReceive(String actionIdentifier, String identity, Pointer completionHandler) {
        Obj request = newObj("UNNotificationRequest", identity);
        request.props.put("identifier", identity);
        Obj notification = newObj("UNNotification", null);
        notification.props.put("request", request);
        Obj response = newObj("UNNotificationResponse", null);
        response.props.put("actionIdentifier", actionIdentifier);
        response.props.put("notification", notification);
        callDelegate(DelegateClass.DID_RECEIVE, response.ptr, completionHandler);
    }

    void fireWillPresent(Pointer completionHandler) {
        callDelegate(DelegateClass.WILL_PRESENT, newObj("UNNotification", null).ptr, completionHandler);
    }

    /** Through the IMP's native function pointer, as the runtime would call it. */
    private void callDelegate(String selector, Pointer item, Pointer completionHandler) {
        Obj self = obj(delegate);
        Callback imp = methods.getOrDefault(self.cls, Map.of()).get(selector);
        if (imp == null) {
            throw new IllegalStateException("the delegate class has no " + selector);
        }
        Function.getFunction(CallbackReference.getFunctionPointer(imp))
                .invokeVoid(new Object[] {delegate, selector(selector), center.ptr, item, completionHandler});
    }
}
