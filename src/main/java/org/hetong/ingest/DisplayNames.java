package org.hetong.ingest;

/**
 * File names as given by users or containers, made safe to show and store as text: control
 * characters and bidirectional overrides removed, backslashes as slashes, bounded length. They remain labels; nothing here
 * makes them safe as filesystem paths, and they are never used as such.
 */
public final class DisplayNames {
    private static final int MAX_LENGTH = 300;

    private DisplayNames() {}

    public static String clean(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && b.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F || isBidiControl(c)) {
                continue;
            }
            b.append(c == '\\' ? '/' : c);
        }
        String cleaned = b.toString().strip();
        return cleaned.isEmpty() ? "未命名" : cleaned;
    }

    /**
     * Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) reorder what follows
     * them on screen: {@code 发票\u202Efdp.exe} shows as {@code 发票exe.pdf}. A label keeps none.
     */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The last path segment of a name: what a user calls the file. */
    public static String baseName(String name) {
        String cleaned = clean(name);
        int slash = cleaned.lastIndexOf('/');
        return slash >= 0 && slash < cleaned.length() - 1 ? cleaned.substring(slash + 1) : cleaned;
    }
}
