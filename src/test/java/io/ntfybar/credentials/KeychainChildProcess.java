package io.ntfybar.credentials;

/**
 * Runs in a child JVM whose environment points at a private session bus (the JVM's own environment cannot be
 * changed, and the keyring library reads {@code DBUS_SESSION_BUS_ADDRESS} from it). Prints one line per step.
 */
public final class KeychainChildProcess {
    public static void main(String[] args) {
        Keychain k = Keychains.detect();
        System.out.println("persistent=" + k.persistent());
        System.out.println("description=" + k.description());
        CredentialsRef ref = new CredentialsRef(args[0], args[1]);
        if (args.length > 2 && args[2].equals("save")) {
            k.save(ref, args[3]);
            System.out.println("saved");
        }
        System.out.println("loaded=" + k.load(ref).orElse("<none>"));
        if (args.length > 2 && args[2].equals("delete")) {
            k.delete(ref);
            System.out.println("after-delete=" + k.load(ref).orElse("<none>"));
        }
        System.out.println("finally-persistent=" + k.persistent());
        System.out.println("finally-description=" + k.description());
    }
}
