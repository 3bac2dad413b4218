package io.ntfybar.notify.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

/** The encoding comparison that the macOS run relies on, checked here with encodings as Apple's runtime prints them. */
class SignaturesTest {

    @Test
    void runtimeEncodingsReduceToTheTablesLetters() {
        assertEquals("v@?", Signatures.normalize("v40@0:8@16@?24"));
        assertEquals("@@@@^", Signatures.normalize("@48@0:8@16@24@32^@40"));
        assertEquals("*", Signatures.normalize("r*16@0:8"));
        assertEquals("@^Q", Signatures.normalize("@32@0:8r^@16Q24"));
        assertEquals("vQ", Signatures.normalize("v24@0:8Q16"));
        assertEquals("B:", Signatures.normalize("B24@0:8:16"));
        assertEquals("v@@?", Signatures.normalize("v@:@@@?"));
        assertEquals("v@", Signatures.normalize("v24@0:8@\"NSString\"16"));
        assertEquals("v^", Signatures.normalize("v24@0:8^{CGPoint=dd}16"));
    }

    @Test
    void widthClassesIgnoreSignednessAndBoolFlavourButNotWidth() {
        assertEquals(Signatures.widthClass("vQ"), Signatures.widthClass("vq"));
        assertEquals(Signatures.widthClass("B:"), Signatures.widthClass("c:"));
        assertNotEquals(Signatures.widthClass("vQ"), Signatures.widthClass("vi"));
        assertNotEquals(Signatures.widthClass("vQ"), Signatures.widthClass("vB"));
        assertNotEquals(Signatures.widthClass("v@"), Signatures.widthClass("v@@"));
    }

    @Test
    void theTableDeclaresJavaTypesForEveryArgument() {
        for (Signatures.Sig sig : Signatures.TABLE.values()) {
            sig.retKind();
            for (int i = 0; i < sig.argCount(); i++) {
                Class<?> t = sig.javaType(i);
                assertEquals(
                        true,
                        t == Pointer.class || t == Long.class || t == Byte.class || t == Double.class,
                        sig.selector());
            }
        }
        assertEquals(Long.class, Signatures.TABLE.get("setInterruptionLevel:").javaType(0));
        assertEquals(
                Signatures.Ret.BYTE, Signatures.TABLE.get("respondsToSelector:").retKind());
        assertEquals(Signatures.Ret.LONG, Signatures.TABLE.get("code").retKind());
    }
}
