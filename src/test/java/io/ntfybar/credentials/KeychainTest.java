package io.ntfybar.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntfybar.testsupport.ChildJvm;
import io.ntfybar.testsupport.DesktopSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeychainTest {
    private static final String SERVER = "https://ntfy.example.com";

    @Test
    void secretsGoToTheSecretServiceAndSurviveTheProcess() throws Exception {
        try (DesktopSession desktop = DesktopSession.start(false)) {
            desktop.startKeyring();
            Map<String, String> env = desktop.env();
            String saved =
                    ChildJvm.run(KeychainChildProcess.class, env, List.of(), SERVER, "phil", "save", "s3cret-Passw0rd");
            assertTrue(saved.contains("finally-persistent=true"), saved);
            assertTrue(saved.contains("Secret Service"), saved);
            assertTrue(saved.contains("loaded=s3cret-Passw0rd"), saved);

            String later = ChildJvm.run(KeychainChildProcess.class, env, List.of(), SERVER, "phil", "delete");
            assertTrue(later.contains("loaded=s3cret-Passw0rd"), "a new process reads it back: " + later);
            assertTrue(later.contains("after-delete=<none>"), later);

            String token = ChildJvm.run(
                    KeychainChildProcess.class, env, List.of(), SERVER, "", "save", "tk_abcdefghijklmnopqrstuvwxyz123");
            assertTrue(token.contains("loaded=tk_abcdefghijklmnopqrstuvwxyz123"), token);
        }
    }

    @Test
    void withoutAKeyringSecretsStayInMemoryAndSaySo() throws Exception {
        // A bus with no Secret Service on it, as on a desktop without gnome-keyring or KWallet.
        try (DesktopSession desktop = DesktopSession.start(false)) {
            String out =
                    ChildJvm.run(KeychainChildProcess.class, desktop.env(), List.of(), SERVER, "ann", "save", "pw");
            assertTrue(out.contains("finally-persistent=false"), out);
            assertTrue(out.contains("finally-description=memory only"), out);
            assertTrue(out.contains("loaded=pw"), out);
        }
    }

    @Test
    void sessionKeychainForgetsOnDelete() {
        Keychain k = Keychains.sessionOnly("test");
        CredentialsRef ref = new CredentialsRef(SERVER, "ann");
        k.save(ref, "pw");
        assertEquals("pw", k.load(ref).orElseThrow());
        k.delete(ref);
        assertFalse(k.load(ref).isPresent());
        assertFalse(k.persistent());
    }

    @Test
    void aReferenceNeverContainsTheSecret() {
        assertEquals("token@" + SERVER, CredentialsRef.token(SERVER).toString());
        assertEquals("ntfybar " + SERVER, new CredentialsRef(SERVER, "phil").service());
    }
}
