package io.ntfybar.ui.tray;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BaseMultiResolutionImage;
import java.awt.image.BufferedImage;

/**
 * The tray icon, drawn in code as a bell: filled when all is well, with a dot when there are unread messages, outlined
 * when a connection has a problem, struck through when notifications are paused. On macOS it is a template image
 * (black plus alpha, drawn at 1x and 2x; macOS tints it for light and dark menu bars, with
 * {@code apple.awt.enableTemplateImages}); elsewhere light grey on the usually dark panel, the dot in ntfy's green.
 * The bell is the one of {@code icons/ntfybar-menubar.svg} and the app icon (TrayIconsMatchSvgTest compares them);
 * it stays drawn here because the states change the bell itself and AWT sizes the image to the tray anyway.
 */
public final class TrayIcons {
    public enum State {
        NORMAL,
        UNREAD,
        PROBLEM,
        PAUSED
    }

    private static final Color NTFY_GREEN = new Color(0x33, 0x85, 0x74);
    private static final Color PANEL_FG = new Color(0xE6, 0xE6, 0xE6);

    private TrayIcons() {}

    /** The icon for this state at the tray's size; {@code template} for macOS's menu bar. */
    public static Image icon(State state, int size, boolean template) {
        if (template) {
            return new BaseMultiResolutionImage(draw(state, size, true), draw(state, size * 2, true));
        }
        return draw(state, size, false);
    }

    static BufferedImage draw(State state, int size, boolean template) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size, size);
            Color fg = template ? Color.BLACK : PANEL_FG;
            g.setColor(fg);
            Path2D bell = bell();
            if (state == State.PROBLEM) {
                g.setStroke(new BasicStroke(0.08f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(bell);
            } else {
                g.fill(bell);
            }
            g.fill(new Ellipse2D.Double(0.42, 0.80, 0.16, 0.14));
            g.fill(new Ellipse2D.Double(0.45, 0.04, 0.10, 0.10));
            if (state == State.PAUSED) {
                Line2D slash = new Line2D.Double(0.12, 0.12, 0.88, 0.92);
                g.setComposite(AlphaComposite.Clear);
                g.setStroke(new BasicStroke(0.20f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(slash);
                g.setComposite(AlphaComposite.SrcOver);
                g.setStroke(new BasicStroke(0.08f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(slash);
            }
            if (state == State.UNREAD) {
                // A clear ring first, so the dot stands apart from the bell at 16 px.
                g.setComposite(AlphaComposite.Clear);
                g.fill(new Ellipse2D.Double(0.56, 0.0, 0.44, 0.44));
                g.setComposite(AlphaComposite.SrcOver);
                g.setColor(template ? Color.BLACK : NTFY_GREEN);
                g.fill(new Ellipse2D.Double(0.62, 0.06, 0.32, 0.32));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static Path2D bell() {
        Path2D p = new Path2D.Double();
        p.moveTo(0.14, 0.80);
        p.lineTo(0.22, 0.68);
        p.lineTo(0.22, 0.44);
        p.curveTo(0.22, 0.24, 0.34, 0.12, 0.50, 0.12);
        p.curveTo(0.66, 0.12, 0.78, 0.24, 0.78, 0.44);
        p.lineTo(0.78, 0.68);
        p.lineTo(0.86, 0.80);
        p.closePath();
        return p;
    }
}
