package io.ntfybar.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text of one window or menu: the resource bundle {@code strings} in the owner's package (for
 * {@code io.ntfybar.ui.publish.PublishWindow}: {@code io/ntfybar/ui/publish/strings.properties}), English first. A
 * missing key shows as {@code !key!} rather than failing, and a test checks that none is missing.
 */
public final class UiText {
    private final ResourceBundle bundle;

    private UiText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static UiText of(Class<?> owner) {
        return new UiText(ResourceBundle.getBundle(
                owner.getPackageName().replace('.', '/') + "/strings", Locale.getDefault(), owner.getModule()));
    }

    /** The text for {@code key}, with {@code args} put in its {@code {0}}, {@code {1}}... places. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
