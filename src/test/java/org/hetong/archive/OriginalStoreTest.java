package org.hetong.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginalStoreTest {
    private static final byte[] CONTRACT = "第一条 合同标的\n乙方为甲方开发财务管理系统。\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;
    Path root;
    Path scratch;
    OriginalStore store;

    @BeforeEach
    void setUp() {
        root = temp.resolve("originals");
        scratch = temp.resolve("tmp");
        store = new OriginalStore(root, scratch);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void originalIsKeptByteForByteUnderItsShardedDigest() throws Exception {
        OriginalStore.Stored stored = store.put(new ByteArrayInputStream(CONTRACT));
        String sha = sha256(CONTRACT);
        assertEquals(sha, stored.sha256());
        assertEquals(CONTRACT.length, stored.sizeBytes());
        assertTrue(stored.isNew());
        Path path = store.pathOf(sha);
        assertEquals(root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha), path);
        assertArrayEquals(CONTRACT, Files.readAllBytes(path));
        assertTrue(store.contains(sha));
        try (InputStream in = store.open(sha)) {
            assertArrayEquals(CONTRACT, in.readAllBytes());
        }
        assertEquals(sha, OriginalStore.sha256Of(path));
    }

    @Test
    void sameBytesAreStoredOnceAndAreNotNewTheSecondTime() throws Exception {
        Path a = Files.write(temp.resolve("合同.docx"), CONTRACT);
        Path b = Files.write(temp.resolve("合同-副本.docx"), CONTRACT);
        OriginalStore.Stored first = store.put(a);
        OriginalStore.Stored second = store.put(b);
        assertTrue(first.isNew());
        assertFalse(second.isNew());
        assertEquals(first.sha256(), second.sha256());
        assertEquals(List.of(store.pathOf(first.sha256())), filesUnder(root));
        assertEquals(List.of(), filesUnder(scratch), "no partial files are left in scratch");
    }

    @Test
    void pathOfRefusesAnythingThatIsNotALowerCaseSha256Digest() throws Exception {
        String sha = sha256(CONTRACT);
        for (String bad : new String[] {"../x", "", sha.toUpperCase(), sha.substring(1), sha + "0",
                "../" + sha.substring(3), sha.substring(0, 63) + "/", "g" + sha.substring(1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.pathOf(bad), bad);
            assertEquals("not a SHA-256 hex digest: " + bad, e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> store.pathOf(null));
        assertThrows(IllegalArgumentException.class, () -> store.contains("../../etc/passwd"));
    }

    @Test
    void putOverTheLimitThrowsTooLargeAndLeavesNoFileBehind() {
        byte[] big = new byte[200 * 1024];
        OriginalStore.TooLargeException e = assertThrows(OriginalStore.TooLargeException.class,
                () -> store.put(new ByteArrayInputStream(big), 100 * 1024));
        assertEquals(100 * 1024, e.limit());
        assertEquals("file is larger than the limit of 102400 bytes", e.getMessage());
        assertDoesNotLeaveFiles();
    }

    @Test
    void putExactlyAtTheLimitIsAccepted() throws Exception {
        OriginalStore.Stored stored = store.put(new ByteArrayInputStream(CONTRACT), CONTRACT.length);
        assertEquals(CONTRACT.length, stored.sizeBytes());
        assertThrows(OriginalStore.TooLargeException.class,
                () -> store.put(new ByteArrayInputStream(CONTRACT), CONTRACT.length - 1));
    }

    @Test
    void failingInputLeavesNoFileBehind() {
        // 100 KB arrive, then the connection breaks; every read after that fails too.
        InputStream broken = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("连接中断");
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        IOException e = assertThrows(IOException.class, () -> store.put(broken));
        assertEquals("连接中断", e.getMessage());
        assertDoesNotLeaveFiles();
    }

    @Test
    void emptyInputIsStoredUnderTheDigestOfNothing() throws Exception {
        OriginalStore.Stored stored = store.put(new ByteArrayInputStream(new byte[0]));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stored.sha256());
        assertEquals(0, Files.size(store.pathOf(stored.sha256())));
    }

    private void assertDoesNotLeaveFiles() {
        try {
            assertEquals(List.of(), filesUnder(root));
            assertEquals(List.of(), filesUnder(scratch));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
