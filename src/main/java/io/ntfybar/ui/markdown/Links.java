package io.ntfybar.ui.markdown;

import io.ntfybar.actions.LinkPolicy;
import java.util.Optional;

/**
 * Where a clicked link in rendered text goes: the window passes one that opens through {@code core.actions()} off the
 * FX thread. The nodes check {@link #refusal} first, so a link the policy refuses never reaches {@link #open}, and
 * the window's handler checks again.
 */
@FunctionalInterface
public interface Links {
    /** Opens an allowed link; called on the FX thread, must not block. */
    void open(String url);

    /** Why the link must not be opened (a {@code javascript:} link, ...), or empty. Pure. */
    static Optional<String> refusal(String url) {
        LinkPolicy.Decision d = LinkPolicy.decide(url);
        return d.isOpen() ? Optional.empty() : Optional.of(d.reason());
    }
}
