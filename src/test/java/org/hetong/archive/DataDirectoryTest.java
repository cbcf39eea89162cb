package org.hetong.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hetong.archive.DataDirectory.DataDirectoryBusyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void openCreatesOriginalsAndScratchAndIsNewUntilACatalogExists() throws IOException {
        Path root = temp.resolve("数据");
        try (DataDirectory dir = DataDirectory.open(root)) {
            assertTrue(Files.isDirectory(dir.originals()));
            assertTrue(Files.isDirectory(dir.scratch()));
            assertEquals(root.toAbsolutePath().normalize(), dir.root());
            assertEquals(dir.root().resolve("catalog.db"), dir.catalogFile());
            assertTrue(dir.isNew());
            Files.createFile(dir.catalogFile());
            assertFalse(dir.isNew());
        }
    }

    @Test
    void openRefusesAFileSayingItIsNotADirectory() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "x");
        IOException e = assertThrows(IOException.class, () -> DataDirectory.open(file));
        assertTrue(e.getMessage().contains("不是一个目录"), e.getMessage());
        assertTrue(e.getMessage().contains("--data"), e.getMessage());
    }

    @Test
    void secondLockOnTheSameDirectoryFailsSayingTheDirectoryIsInUse() throws IOException {
        try (DataDirectory first = DataDirectory.open(temp).lock()) {
            DataDirectoryBusyException e = assertThrows(DataDirectoryBusyException.class,
                    () -> DataDirectory.open(temp).lock());
            assertTrue(e.getMessage().contains("数据目录 " + first.root()), e.getMessage());
            assertTrue(e.getMessage().contains("正被另一个 hetong 进程使用"), e.getMessage());
            assertTrue(e.getMessage().contains("data directory is in use"), e.getMessage());
        }
    }

    @Test
    void lockingTheSameObjectTwiceFailsToo() throws IOException {
        try (DataDirectory dir = DataDirectory.open(temp).lock()) {
            assertThrows(DataDirectoryBusyException.class, dir::lock);
        }
    }

    @Test
    void directoryCanBeLockedAgainAfterTheHolderCloses() throws IOException {
        DataDirectory.open(temp).lock().close();
        try (DataDirectory again = DataDirectory.open(temp).lock()) {
            assertTrue(Files.exists(again.root().resolve("hetong.lock")));
        }
    }

    @Test
    void refusedSecondLockDoesNotReleaseTheFirstForOtherProcesses() throws Exception {
        try (DataDirectory first = DataDirectory.open(temp).lock()) {
            assertThrows(DataDirectoryBusyException.class, () -> DataDirectory.open(temp).lock());
            assertEquals("busy", lockInAnotherProcess(first.root()));
        }
        assertEquals("locked", lockInAnotherProcess(temp));
    }

    /** Tries to lock {@code dir} from a fresh JVM; returns what it saw. */
    private static String lockInAnotherProcess(Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                OtherProcess.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the other process did not finish");
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return last.startsWith("locked ") ? "locked" : last;
    }

    /** Main class of the other process. */
    public static final class OtherProcess {
        public static void main(String[] args) throws IOException {
            try (DataDirectory dir = DataDirectory.open(Path.of(args[0])).lock()) {
                System.out.println("locked " + dir.root());
            } catch (DataDirectoryBusyException e) {
                System.out.println("busy");
            }
        }
    }
}
