package io.ntfybar.ui.emoji;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The emoji the bundled sprite sheet has an image for, as a trie over codepoints (without U+FE0F), each image's cell
 * on the sheet, and the sheet's geometry. Read once from {@code index.txt}; immutable after that, so safe from any
 * thread.
 */
public final class EmojiIndex {
    /** Column and row of an image on the sheet. */
    public record Cell(int column, int row) {}

    static final class Node {
        private final Map<Integer, Node> next = new HashMap<>();
        private Cell cell;

        Node child(int codepoint) {
            return next.get(codepoint);
        }

        Cell cell() {
            return cell;
        }
    }

    private static final String RESOURCE = "index.txt";

    private final Node root = new Node();
    private final int cellSize;
    private final int border;
    private final int size;

    private EmojiIndex(int cellSize, int border, int size) {
        this.cellSize = cellSize;
        this.border = border;
        this.size = size;
    }

    // The holder idiom gives a lazy, once-only load without locking on every call.
    private static final class Holder {
        static final EmojiIndex INSTANCE = load();
    }

    /** The bundled index, read on first use. */
    public static EmojiIndex bundled() {
        return Holder.INSTANCE;
    }

    private static EmojiIndex load() {
        try (InputStream in = EmojiIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("emoji index " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emoji index " + RESOURCE, e);
        }
    }

    static EmojiIndex parse(BufferedReader reader) throws IOException {
        EmojiIndex index = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            if (fields[0].equals("cell")) {
                index = new EmojiIndex(
                        Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
            } else if (index == null) {
                throw new IOException("emoji index has no 'cell' line before its first emoji");
            } else {
                index.add(fields[0], new Cell(Integer.parseInt(fields[1]), Integer.parseInt(fields[2])));
            }
        }
        if (index == null) {
            throw new IOException("emoji index is empty");
        }
        return index;
    }

    private void add(String codepoints, Cell cell) {
        Node node = root;
        for (String hex : codepoints.split("-")) {
            node = node.next.computeIfAbsent(Integer.parseInt(hex, 16), cp -> new Node());
        }
        node.cell = cell;
    }

    Node root() {
        return root;
    }

    /** Edge length in pixels of one image on the sheet. */
    public int cellSize() {
        return cellSize;
    }

    /** Left pixel of a cell's image (each cell has a transparent border so smooth scaling does not bleed). */
    public int x(Cell cell) {
        return cell.column() * (cellSize + 2 * border) + border;
    }

    /** Top pixel of a cell's image. */
    public int y(Cell cell) {
        return cell.row() * (cellSize + 2 * border) + border;
    }

    /** Columns (and rows) of the square sheet. */
    public int size() {
        return size;
    }
}
