package org.hetong.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Originals kept byte for byte, addressed by their SHA-256 ({@code originals/ab/cd/abcd…}).
 *
 * <p>Bytes are streamed to a scratch file while hashed, forced to disk, then moved into place
 * atomically, so a crash never leaves a half-written original under its final name. The same
 * bytes stored twice are kept once. Names given by users never become paths here: the only path
 * component derived from input is the hex digest, validated by {@link #pathOf(String)}.
 */
public final class OriginalStore {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path scratch;

    public OriginalStore(Path root, Path scratch) {
        this.root = root;
        this.scratch = scratch;
    }

    /** The result of storing bytes: their digest, size, and whether they were new to the store. */
    public record Stored(String sha256, long sizeBytes, boolean isNew) {}

    /** Streams {@code in} into the store (closing nothing), hashing it on the way. */
    public Stored put(InputStream in) throws IOException {
        return put(in, Long.MAX_VALUE);
    }

    /**
     * Streams {@code in} into the store; fails with {@link TooLargeException} once more than
     * {@code maxBytes} arrive, leaving nothing behind.
     */
    public Stored put(InputStream in, long maxBytes) throws IOException {
        Files.createDirectories(scratch);
        Path temp = Files.createTempFile(scratch, "put-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), digest)) {
                size = copyLimited(in, out, maxBytes);
                out.flush();
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            if (Files.exists(target)) {
                return new Stored(sha, size, false);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                return new Stored(sha, size, false);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            forceDirectory(target.getParent());
            return new Stored(sha, size, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stores a file already on disk (the CLI's case). */
    public Stored put(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        }
    }

    public boolean contains(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    /** The path of an original; refuses anything that is not a lower-case SHA-256 hex digest. */
    public Path pathOf(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    /** Computes the SHA-256 of a file without storing it. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void forceDirectory(Path dir) {
        // Makes the new directory entry durable on Linux; not supported everywhere, hence best effort.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Directory fsync is not available on this platform; the file itself was forced.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** More bytes arrived than allowed. */
    public static final class TooLargeException extends IOException {
        private final long limit;

        public TooLargeException(long limit) {
            super("file is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
