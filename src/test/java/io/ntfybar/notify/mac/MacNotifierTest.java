package io.ntfybar.notify.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import io.ntfybar.model.Action;
import io.ntfybar.notify.NotificationListener;
import io.ntfybar.notify.Notifier;
import io.ntfybar.render.NotificationSpec;
import io.ntfybar.render.NotificationSpec.Level;
import io.ntfybar.testsupport.Await;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message sequences of {@link MacNotifier}, against the recording fake and its signature table. */
class MacNotifierTest {
    private static final String ID = "https://ntfy.sh/alerts/42";
    private static final Action VIEW = Action.view("Open", "https://example.com/disk", false);
    private static final Action HTTP =
            Action.http("Restart", "https://example.com/restart", "POST", Map.of("X-Token", "t"), "go", true);

    @TempDir
    Path tmp;

    private final RecordingObjcRuntime rt = new RecordingObjcRuntime();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private MacNotifier notifier;

    @AfterEach
    void close() {
        if (notifier != null) {
            notifier.close();
        }
    }

    private MacNotifier start() {
        notifier = MacNotifier.create(rt, tmp.resolve("attachments"));
        notifier.setListener(new NotificationListener() {
            @Override
            public void onClick(String identity) {
                events.add("click " + identity);
            }

            @Override
            public void onAction(String identity, int index) {
                events.add("action " + identity + " " + index);
            }

            @Override
            public void onDismissed(String identity) {
                events.add("dismissed " + identity);
            }
        });
        return notifier;
    }

    private static NotificationSpec spec(String identity, Level level, List<Action> actions, String image) {
        return new NotificationSpec(
                identity,
                "https://ntfy.sh/alerts",
                "Disk full",
                "alerts",
                "Only 2% left on \"/\"",
                level,
                NotificationSpec.DEFAULT_SOUND,
                false,
                actions,
                null,
                image);
    }

    private void show(NotificationSpec spec) {
        notifier.show(spec);
        assertTrue(notifier.flush(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
    }

    /** The sends since {@code from}, without the NSString constructions (their text shows in the arguments). */
    private List<String> sendsFrom(int from) {
        return rt.calls().subList(from, rt.calls().size()).stream()
                .filter(c -> c.receiverClass() != null)
                .map(RecordingObjcRuntime.Call::text)
                .filter(t -> !t.startsWith("+NSString stringWithUTF8String:") && !t.startsWith("-NSString UTF8String"))
                .toList();
    }

    @Test
    void startUpChecksTheBundleThenLoadsTheFrameworkThenRegistersTheDelegateAndAsksForAuthorization() {
        start();
        List<String> log = rt.log().stream()
                .filter(t -> !t.contains("NSString") && !t.startsWith("rt objc_getClass"))
                .toList();
        String delegate = DelegateClass.CLASS_NAME;
        assertEquals(
                List.of(
                        "rt load " + MacNotifier.FOUNDATION_FRAMEWORK,
                        "+NSAutoreleasePool new",
                        "+NSBundle mainBundle",
                        "-NSBundle bundleIdentifier",
                        "-NSBundle bundlePath",
                        "rt load " + MacNotifier.UN_FRAMEWORK,
                        "rt global UNNotificationDefaultActionIdentifier",
                        "rt global UNNotificationDismissActionIdentifier",
                        "rt objc_allocateClassPair NSObject " + delegate + " 0",
                        "rt class_addMethod " + delegate + " " + DelegateClass.WILL_PRESENT + " v@:@@@?",
                        "rt class_addMethod " + delegate + " " + DelegateClass.DID_RECEIVE + " v@:@@@?",
                        "rt objc_getProtocol UNUserNotificationCenterDelegate",
                        "rt class_addProtocol " + delegate + " UNUserNotificationCenterDelegate",
                        "rt objc_registerClassPair " + delegate,
                        "+" + delegate + " new",
                        "rt global _NSConcreteGlobalBlock",
                        "rt global _NSConcreteGlobalBlock",
                        "+UNUserNotificationCenter currentNotificationCenter",
                        "-UNUserNotificationCenter setDelegate: <" + delegate + ">",
                        "-UNUserNotificationCenter requestAuthorizationWithOptions:completionHandler: 7L, ^block v@?B@",
                        "-NSAutoreleasePool drain"),
                log);
        assertTrue(notifier.availability().usable());
        assertEquals(new Notifier.Capabilities(true, true, true, true), notifier.capabilities());
        assertTrue(rt.calls().stream().filter(c -> c.receiverClass() != null).allMatch(c -> c.thread()
                .equals(MacNotifier.THREAD_NAME)));
    }

    @Test
    void aSecondNotifierInTheSameProcessReusesTheDelegateClass() {
        start().close();
        int before = rt.calls().size();
        start();
        List<String> later = rt.log().subList(before, rt.log().size());
        assertTrue(later.stream().noneMatch(t -> t.startsWith("rt objc_allocateClassPair")), later::toString);
        assertTrue(later.contains("+" + DelegateClass.CLASS_NAME + " new"), later::toString);
    }

    @Test
    void priorityFiveWithTwoActionsAndAnImageSendsTheFullSequence() throws IOException {
        start();
        Path image = Files.write(tmp.resolve("photo.PNG"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        int from = rt.calls().size();
        show(spec(ID, Level.TIME_SENSITIVE, List.of(VIEW, HTTP), image.toString()));

        List<Path> copies;
        try (Stream<Path> s = Files.list(tmp.resolve("attachments"))) {
            copies = s.toList();
        }
        assertEquals(1, copies.size());
        Path copy = copies.get(0);
        assertNotEquals(image, copy);
        assertTrue(copy.getFileName().toString().endsWith(".png"));
        assertTrue(Files.exists(image), "the original stays where it is");
        assertEquals(
                List.of((byte) 0x89, (byte) 'P'), List.of(Files.readAllBytes(copy)[0], Files.readAllBytes(copy)[1]));

        String category = MacMapping.categoryId(List.of(VIEW, HTTP));
        String c = "<UNNotificationCategory " + category + ">";
        String content = "-UNMutableNotificationContent ";
        assertEquals(
                List.of(
                        "+NSAutoreleasePool new",
                        "+UNMutableNotificationContent new",
                        content + "setTitle: \"Disk full\"",
                        content + "setSubtitle: \"alerts\"",
                        content + "setBody: \"Only 2% left on \"/\"\"",
                        content + "setThreadIdentifier: \"https://ntfy.sh/alerts\"",
                        "+UNNotificationSound defaultSound",
                        content + "setSound: <UNNotificationSound default>",
                        content + "respondsToSelector: @selector(setInterruptionLevel:)",
                        content + "setInterruptionLevel: 2L",
                        "+UNNotificationAction actionWithIdentifier:title:options: \"action-0\", \"Open\", 0L",
                        "+UNNotificationAction actionWithIdentifier:title:options: \"action-1\", \"Restart\", 0L",
                        "+NSArray arrayWithObjects:count: &ptr, 2L",
                        "+NSArray arrayWithObjects:count: nil, 0L",
                        "+UNNotificationCategory categoryWithIdentifier:actions:intentIdentifiers:options: \""
                                + category
                                + "\", [<UNNotificationAction action-0=Open>, <UNNotificationAction action-1=Restart>],"
                                + " [], 1L",
                        "+NSArray arrayWithObjects:count: &ptr, 1L",
                        "+NSSet setWithArray: [" + c + "]",
                        "-UNUserNotificationCenter setNotificationCategories: set[" + c + "]",
                        content + "setCategoryIdentifier: \"" + category + "\"",
                        "+NSDictionary dictionaryWithObjects:forKeys:count: &ptr, &ptr, 2L",
                        content + "setUserInfo: dict{identity=" + ID + ", group=https://ntfy.sh/alerts}",
                        "+NSURL fileURLWithPath: \"" + copy.toAbsolutePath() + "\"",
                        "+UNNotificationAttachment attachmentWithIdentifier:URL:options:error: \"image\", file-url("
                                + copy.toAbsolutePath() + "), nil, &ptr",
                        "+NSArray arrayWithObjects:count: &ptr, 1L",
                        content + "setAttachments: [<UNNotificationAttachment " + copy.toAbsolutePath() + ">]",
                        "+UNNotificationRequest requestWithIdentifier:content:trigger: \"" + ID
                                + "\", <UNMutableNotificationContent>, nil",
                        "-UNUserNotificationCenter addNotificationRequest:withCompletionHandler: <UNNotificationRequest "
                                + ID + ">, ^block v@?@",
                        content + "release",
                        "-NSAutoreleasePool drain"),
                sendsFrom(from));
        assertTrue(rt.calls().subList(from, rt.calls().size()).stream()
                .allMatch(call -> call.thread().equals(MacNotifier.THREAD_NAME)));
        // strings are made with stringWithUTF8String: from a C string
        assertTrue(rt.log().contains("+NSString stringWithUTF8String: \"Disk full\" (C)"));
    }

    @Test
    void levelsAndSoundsMapOntoApplesValues() {
        start();
        int from = rt.calls().size();
        NotificationSpec passive =
                new NotificationSpec("a", null, "t", null, "b", Level.PASSIVE, null, false, List.of(), null, null);
        NotificationSpec named = new NotificationSpec(
                "b", null, "t", null, "b", Level.ACTIVE, "ping.aiff", false, List.of(), null, null);
        show(passive);
        show(named);
        List<String> sends = sendsFrom(from);
        assertTrue(sends.contains("-UNMutableNotificationContent setInterruptionLevel: 0L"), sends::toString);
        assertTrue(sends.contains("-UNMutableNotificationContent setInterruptionLevel: 1L"), sends::toString);
        assertTrue(sends.contains("+UNNotificationSound soundNamed: \"ping.aiff\""), sends::toString);
        assertEquals(1, sends.stream().filter(s -> s.contains("setSound:")).count(), "no sound: setSound: not sent");
        assertTrue(sends.stream().noneMatch(s -> s.contains("setSubtitle:") || s.contains("setThreadIdentifier:")));
        assertTrue(sends.stream().noneMatch(s -> s.contains("setCategoryIdentifier:") || s.contains("Attachment")));
    }

    @Test
    void withoutABundleIdentifierNotificationCenterIsNeverTouched() {
        rt.bundleIdentifier = null;
        assertNotBundled("no bundle identifier");
    }

    @Test
    void outsideAnAppBundleNotificationCenterIsNeverTouched() {
        rt.bundlePath = "/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home/bin";
        assertNotBundled("temurin-17.jdk/Contents/Home/bin");
    }

    private void assertNotBundled(String reasonPart) {
        start();
        Notifier.Availability a = notifier.availability();
        assertFalse(a.usable());
        assertTrue(a.reason().contains(reasonPart), a.reason());
        assertEquals(a, notifier.authorization().toCompletableFuture().getNow(null));
        notifier.show(spec(ID, Level.ACTIVE, List.of(VIEW), null));
        notifier.withdraw(ID);
        notifier.flush(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertFalse(rt.sent("currentNotificationCenter"));
        assertTrue(rt.calls().stream()
                .noneMatch(c -> c.receiverClass() != null && c.receiverClass().startsWith("UN")));
        assertFalse(rt.log().contains("rt load " + MacNotifier.UN_FRAMEWORK));
    }

    @Test
    void deniedAuthorizationMakesTheNotifierUnusableWithTheSentenceAndLogsTheError() {
        start();
        rt.fireAuthorization(false, rt.error("UNErrorDomain", 1, "Notifications are not allowed for this application"));
        Notifier.Availability a = notifier.availability();
        assertFalse(a.usable());
        assertEquals("Notifications are turned off for ntfybar in System Settings > Notifications", a.reason());
        assertEquals(a, notifier.authorization().toCompletableFuture().getNow(null));
        assertTrue(rt.sent("domain") && rt.sent("code") && rt.sent("localizedDescription"));
        int from = rt.calls().size();
        notifier.show(spec(ID, Level.ACTIVE, List.of(), null));
        notifier.flush(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(), sendsFrom(from));
    }

    @Test
    void grantedAuthorizationKeepsItUsable() {
        start();
        rt.fireAuthorization(true, null);
        assertEquals(
                Notifier.Availability.OK,
                notifier.authorization().toCompletableFuture().getNow(null));
        assertTrue(notifier.availability().usable());
        assertFalse(rt.sent("domain"));
    }

    @Test
    void actionButtonReachesTheListenerAndTheCompletionHandlerIsCalled() {
        start();
        TestBlock done = TestBlock.noArgs(RecordingObjcRuntime.GLOBAL_BLOCK_ISA, 0);
        rt.fireDidReceive("action-1", ID, done.pointer());
        assertEquals(List.of("action " + ID + " 1"), events);
        assertEquals(1, done.calls.size());
        assertEquals(done.pointer(), done.calls.get(0), "the block is the invoke function's first argument");
    }

    @Test
    void clickAndDismissReachTheListener() {
        start();
        TestBlock done = TestBlock.noArgs(RecordingObjcRuntime.GLOBAL_BLOCK_ISA, 0);
        rt.fireDidReceive("com.apple.UNNotificationDefaultActionIdentifier", ID, done.pointer());
        rt.fireDidReceive("com.apple.UNNotificationDismissActionIdentifier", ID, done.pointer());
        rt.fireDidReceive("something-else", ID, done.pointer());
        assertEquals(List.of("click " + ID, "dismissed " + ID), events);
        assertEquals(3, done.calls.size());
    }

    @Test
    void theCompletionHandlerIsCalledEvenWhenTheListenerThrows() {
        start();
        notifier.setListener(new NotificationListener() {
            @Override
            public void onAction(String identity, int index) {
                events.add("threw");
                throw new IllegalStateException("listener bug");
            }
        });
        TestBlock done = TestBlock.noArgs(RecordingObjcRuntime.GLOBAL_BLOCK_ISA, 0);
        rt.fireDidReceive("action-0", ID, done.pointer());
        assertEquals(List.of("threw"), events);
        assertEquals(1, done.calls.size());
    }

    @Test
    void afterCloseResponsesAreNotReportedButStillCompleted() {
        start();
        Pointer delegate = rt.delegate;
        notifier.close();
        rt.delegate = delegate;
        TestBlock done = TestBlock.noArgs(RecordingObjcRuntime.GLOBAL_BLOCK_ISA, 0);
        rt.fireDidReceive("action-0", ID, done.pointer());
        assertEquals(List.of(), events);
        assertEquals(1, done.calls.size());
        assertTrue(rt.log().contains("-UNUserNotificationCenter setDelegate: nil"));
    }

    @Test
    void willPresentShowsListBannerAndSound() {
        start();
        TestBlock done = TestBlock.longArg(RecordingObjcRuntime.GLOBAL_BLOCK_ISA);
        rt.fireWillPresent(done.pointer());
        assertEquals(List.of(8L | 16L | 2L), done.calls);
        assertEquals(26L, MacMapping.PRESENTATION_OPTIONS);
    }

    @Test
    void interruptionLevelIsNotSentWhenTheContentDoesNotRespondToIt() {
        rt.unsupportedSelectors.add("setInterruptionLevel:");
        start();
        int from = rt.calls().size();
        show(spec(ID, Level.TIME_SENSITIVE, List.of(), null));
        List<String> sends = sendsFrom(from);
        assertTrue(
                sends.contains("-UNMutableNotificationContent respondsToSelector: @selector(setInterruptionLevel:)"));
        assertTrue(sends.stream().noneMatch(s -> s.contains("setInterruptionLevel:") && !s.contains("respondsTo")));
        assertTrue(sends.stream().anyMatch(s -> s.contains("addNotificationRequest:")), "still shown");
    }

    @Test
    void withdrawRemovesDeliveredAndPendingByIdentity() {
        start();
        int from = rt.calls().size();
        notifier.withdraw(ID);
        assertTrue(notifier.flush(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(
                List.of(
                        "+NSAutoreleasePool new",
                        "+NSArray arrayWithObjects:count: &ptr, 1L",
                        "-UNUserNotificationCenter removeDeliveredNotificationsWithIdentifiers: [\"" + ID + "\"]",
                        "-UNUserNotificationCenter removePendingNotificationRequestsWithIdentifiers: [\"" + ID + "\"]",
                        "-NSAutoreleasePool drain"),
                sendsFrom(from));
    }

    @Test
    void theSameActionSetReusesItsCategoryAndANewOneReRegistersAll() {
        start();
        show(spec("1", Level.ACTIVE, List.of(VIEW, HTTP), null));
        int from = rt.calls().size();
        Action otherUrl = Action.view("Open", "https://example.com/other", true);
        show(spec("2", Level.ACTIVE, List.of(otherUrl, HTTP), null));
        List<String> second = sendsFrom(from);
        String id = MacMapping.categoryId(List.of(VIEW, HTTP));
        assertTrue(second.contains("-UNMutableNotificationContent setCategoryIdentifier: \"" + id + "\""));
        assertTrue(second.stream().noneMatch(s -> s.contains("setNotificationCategories:")), second::toString);
        assertTrue(second.stream().noneMatch(s -> s.contains("actionWithIdentifier:")), second::toString);

        from = rt.calls().size();
        Action copy = Action.copy("Copy code", "1234", false);
        show(spec("3", Level.ACTIVE, List.of(copy), null));
        String id2 = MacMapping.categoryId(List.of(copy));
        List<String> third = sendsFrom(from);
        assertTrue(
                third.contains("-UNUserNotificationCenter setNotificationCategories: set[<UNNotificationCategory " + id
                        + ">, <UNNotificationCategory " + id2 + ">]"),
                third::toString);
        assertTrue(third.contains("-UNMutableNotificationContent setCategoryIdentifier: \"" + id2 + "\""));
    }

    @Test
    void aMissingImageIsSkippedAndTheNotificationStillShown() {
        start();
        int from = rt.calls().size();
        show(spec(ID, Level.ACTIVE, List.of(), tmp.resolve("gone.png").toString()));
        List<String> sends = sendsFrom(from);
        assertTrue(sends.stream().noneMatch(s -> s.contains("Attachment") || s.contains("fileURLWithPath")));
        assertTrue(sends.stream().anyMatch(s -> s.contains("addNotificationRequest:")));
    }

    @Test
    void anImageOverTenMegabytesIsSkipped() throws IOException {
        start();
        Path big = tmp.resolve("big.jpg");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(MacMapping.MAX_IMAGE_BYTES + 1);
        }
        int from = rt.calls().size();
        show(spec(ID, Level.ACTIVE, List.of(), big.toString()));
        assertTrue(sendsFrom(from).stream().noneMatch(s -> s.contains("Attachment")));
        assertFalse(Files.exists(tmp.resolve("attachments"))
                && tmp.resolve("attachments").toFile().list().length > 0);
    }

    @Test
    void aRefusedAttachmentIsLoggedItsCopyDeletedAndTheNotificationStillShown() throws IOException {
        rt.refuseAttachments = true;
        start();
        Path image = Files.write(tmp.resolve("x.gif"), new byte[] {'G', 'I', 'F'});
        int from = rt.calls().size();
        show(spec(ID, Level.ACTIVE, List.of(), image.toString()));
        List<String> sends = sendsFrom(from);
        assertTrue(sends.contains("-NSError code"), sends::toString);
        assertTrue(sends.stream().noneMatch(s -> s.contains("setAttachments:")));
        assertTrue(sends.stream().anyMatch(s -> s.contains("addNotificationRequest:")));
        assertEquals(0, tmp.resolve("attachments").toFile().list().length);
    }

    @Test
    void showAndWithdrawNeverThrowWhenASendFailsAndThePoolIsStillDrained() {
        start();
        rt.failOn = "setBody:";
        notifier.show(spec("1", Level.ACTIVE, List.of(), null));
        assertTrue(notifier.flush(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
        rt.failOn = "removePendingNotificationRequestsWithIdentifiers:";
        notifier.withdraw("1");
        assertTrue(notifier.flush(Await.DEFAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS));
        rt.failOn = null;
        int from = rt.calls().size();
        show(spec("2", Level.ACTIVE, List.of(), null));
        List<String> sends = sendsFrom(from);
        assertEquals("+NSAutoreleasePool new", sends.get(0), "the failed tasks drained their pools");
        assertTrue(sends.stream().anyMatch(s -> s.contains("addNotificationRequest:")));
        assertEquals(
                rt.log().stream()
                        .filter(t -> t.equals("+NSAutoreleasePool new"))
                        .count(),
                rt.log().stream()
                        .filter(t -> t.equals("-NSAutoreleasePool drain"))
                        .count());
        assertEquals(
                1,
                rt.log().stream()
                        .filter(t -> t.contains("addNotificationRequest:"))
                        .count());
    }

    @Test
    void afterCloseNothingIsSent() {
        start();
        notifier.close();
        int from = rt.calls().size();
        notifier.show(spec(ID, Level.ACTIVE, List.of(), null));
        notifier.withdraw(ID);
        notifier.show(null);
        assertEquals(List.of(), sendsFrom(from));
    }

    @Test
    void theFakeRejectsSendsThatDoNotMatchApplesDeclarations() {
        start();
        assertNull(rt.getClass("NoSuchClass"));
        // the checks below must fail even inside a pool
        Pointer pool = rt.sendPointer(rt.getClass("NSAutoreleasePool"), rt.selector("new"));
        try {
            Pointer c = rt.sendPointer(rt.getClass("UNMutableNotificationContent"), rt.selector("new"));
            assertThrows(
                    RecordingObjcRuntime.WrongCall.class,
                    () -> rt.sendVoid(c, rt.selector("setInterruptionLevel:"), 2),
                    "Integer where NSUInteger (long) is required");
            rt.sendVoid(c, rt.selector("setInterruptionLevel:"), 2L);
            assertThrows(
                    RecordingObjcRuntime.WrongCall.class,
                    () -> rt.sendVoid(rt.center.ptr, rt.selector("setInterruptionLevel:"), 2L),
                    "declared on UNMutableNotificationContent, sent to the center");
            assertThrows(
                    RecordingObjcRuntime.WrongCall.class,
                    () -> rt.sendLong(c, rt.selector("respondsToSelector:"), rt.selector("setBody:")),
                    "a BOOL must be read as a byte");
            assertThrows(
                    RecordingObjcRuntime.WrongCall.class,
                    () -> rt.sendVoid(c, rt.selector("setHidden:"), Boolean.TRUE),
                    "selector not in the table");
            assertThrows(
                    RecordingObjcRuntime.WrongCall.class,
                    () -> rt.sendVoid(c, rt.selector("setTitle:")),
                    "wrong argument count");
            assertThrows(
                    RecordingObjcRuntime.WrongCall.class,
                    () -> rt.sendPointer(c, rt.selector("new")),
                    "class method sent to an instance");
        } finally {
            rt.sendVoid(pool, rt.selector("drain"));
        }
        assertThrows(
                RecordingObjcRuntime.WrongCall.class,
                () -> rt.sendPointer(rt.getClass("UNMutableNotificationContent"), rt.selector("new")),
                "outside an autorelease pool");
    }

    @Test
    void productionArgumentCheckRejectsJavaTypesWithTheWrongWidth() {
        Object[] ok = JnaObjcRuntime.arguments(null, null, new Object[] {7L, (byte) 1, 1.5d, null});
        assertEquals(6, ok.length);
        assertThrows(IllegalArgumentException.class, () -> JnaObjcRuntime.arguments(null, null, new Object[] {7}));
        assertThrows(IllegalArgumentException.class, () -> JnaObjcRuntime.arguments(null, null, new Object[] {true}));
        assertThrows(IllegalArgumentException.class, () -> JnaObjcRuntime.arguments(null, null, new Object[] {"text"}));
    }
}
