package io.ntfybar.ui.publish;

import java.nio.file.Path;
import java.util.List;

/** Lets the Preferences strings test use the same key scan. Test code only. */
public final class PublishStringsTestAccess {
    private PublishStringsTestAccess() {}

    public static List<String> missing(Class<?> owner, Path sources, List<String> dynamicKeys) throws Exception {
        return PublishStringsTest.missing(owner, sources, dynamicKeys);
    }
}
