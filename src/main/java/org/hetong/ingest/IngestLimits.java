package org.hetong.ingest;

import java.util.Locale;

/**
 * Bounds that keep hostile or broken input from exhausting the machine. Exceeding one turns into
 * a per-file error, never a crash.
 *
 * @param maxFileBytes       largest single file (also each file unpacked from an archive or mail)
 * @param maxTextChars       extracted characters kept per document (Tika's write limit)
 * @param maxEntries         files taken from one archive or mail
 * @param maxExpandedBytes   total bytes unpacked from one archive
 * @param maxRatio           unpacked bytes per packed byte before an archive counts as a bomb
 * @param maxDepth           archives within archives
 * @param maxRequestBytes    largest upload request
 * @param maxFilesPerRequest files in one upload request
 * @param parseTimeoutSeconds time one file may take to be read before it is given up
 */
public record IngestLimits(long maxFileBytes, int maxTextChars, int maxEntries, long maxExpandedBytes,
                           double maxRatio, int maxDepth, long maxRequestBytes, int maxFilesPerRequest,
                           int parseTimeoutSeconds) {
    public IngestLimits {
        require(maxFileBytes > 0, "maxFileBytes must be positive");
        require(maxTextChars > 0, "maxTextChars must be positive");
        require(maxEntries > 0, "maxEntries must be positive");
        require(maxExpandedBytes > 0, "maxExpandedBytes must be positive");
        require(maxRatio > 1, "maxRatio must be above 1");
        require(maxDepth >= 0, "maxDepth must not be negative");
        require(maxRequestBytes > 0, "maxRequestBytes must be positive");
        require(maxFilesPerRequest > 0, "maxFilesPerRequest must be positive");
        require(parseTimeoutSeconds > 0, "parseTimeoutSeconds must be positive");
    }

    /** The limits for archive bounds only; upload and time limits at their defaults. */
    public IngestLimits(long maxFileBytes, int maxTextChars, int maxEntries, long maxExpandedBytes, double maxRatio, int maxDepth) {
        this(maxFileBytes, maxTextChars, maxEntries, maxExpandedBytes, maxRatio, maxDepth,
                DEFAULTS.maxRequestBytes, DEFAULTS.maxFilesPerRequest, DEFAULTS.parseTimeoutSeconds);
    }

    private static final IngestLimits DEFAULTS = new IngestLimits(200L << 20, 5_000_000, 10_000, 2L << 30, 200, 3,
            2L << 30, 5_000, 120);

    public static IngestLimits defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults, each overridable by a system property {@code hetong.limit.<name>} (for example
     * {@code -Dhetong.limit.maxFileBytes=52428800}); a malformed value fails start-up naming it.
     */
    public static IngestLimits fromSystemProperties() {
        IngestLimits d = DEFAULTS;
        return new IngestLimits(
                longProperty("maxFileBytes", d.maxFileBytes), (int) longProperty("maxTextChars", d.maxTextChars),
                (int) longProperty("maxEntries", d.maxEntries), longProperty("maxExpandedBytes", d.maxExpandedBytes),
                doubleProperty("maxRatio", d.maxRatio), (int) longProperty("maxDepth", d.maxDepth),
                longProperty("maxRequestBytes", d.maxRequestBytes), (int) longProperty("maxFilesPerRequest", d.maxFilesPerRequest),
                (int) longProperty("parseTimeoutSeconds", d.parseTimeoutSeconds));
    }

    private static long longProperty(String name, long defaultValue) {
        String value = System.getProperty("hetong.limit." + name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property hetong.limit." + name + " must be a whole number, was '" + value + "'");
        }
    }

    private static double doubleProperty(String name, double defaultValue) {
        String value = System.getProperty("hetong.limit." + name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.strip().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property hetong.limit." + name + " must be a number, was '" + value + "'");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
