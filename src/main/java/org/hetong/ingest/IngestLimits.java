package org.hetong.ingest;

/**
 * Bounds that keep hostile or broken input from exhausting the machine. Exceeding one turns into
 * a per-file error, never a crash.
 *
 * @param maxFileBytes      largest single file (also each file unpacked from an archive or mail)
 * @param maxTextChars      extracted characters kept per document (Tika's write limit)
 * @param maxEntries        files taken from one archive or mail
 * @param maxExpandedBytes  total bytes unpacked from one archive
 * @param maxRatio          unpacked bytes per packed byte before an archive counts as a bomb
 * @param maxDepth          archives within archives
 */
public record IngestLimits(long maxFileBytes, int maxTextChars, int maxEntries, long maxExpandedBytes,
                           double maxRatio, int maxDepth) {
    public IngestLimits {
        require(maxFileBytes > 0, "maxFileBytes must be positive");
        require(maxTextChars > 0, "maxTextChars must be positive");
        require(maxEntries > 0, "maxEntries must be positive");
        require(maxExpandedBytes > 0, "maxExpandedBytes must be positive");
        require(maxRatio > 1, "maxRatio must be above 1");
        require(maxDepth >= 0, "maxDepth must not be negative");
    }

    public static IngestLimits defaults() {
        return new IngestLimits(200L << 20, 5_000_000, 10_000, 2L << 30, 200, 3);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
