package org.hetong.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data directory of one hetong installation: originals, catalog, index and scratch space.
 *
 * <p>Only one process may work on a data directory at a time; {@link #lock()} takes an exclusive
 * operating-system file lock and refuses with a clear message when another process (a running
 * server, an import) holds it.
 */
public final class DataDirectory implements AutoCloseable {
    /** Data directories locked by this JVM, by real path. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;
    private Path heldKey;

    private DataDirectory(Path root) {
        this.root = root;
    }

    public static DataDirectory open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException("数据目录 " + absolute + " 不是一个目录 (data directory is a file); 请用 --data 指定一个目录");
        }
        Files.createDirectories(absolute);
        DataDirectory dir = new DataDirectory(absolute);
        Files.createDirectories(dir.originals());
        Files.createDirectories(dir.scratch());
        return dir;
    }

    /** Takes the exclusive lock of this directory, or fails naming the directory and what to do. */
    public DataDirectory lock() throws IOException {
        // Holders in this JVM are refused before a second channel is opened on the lock file: the
        // operating system's lock (POSIX fcntl on Linux) belongs to the process, and closing any
        // channel on the file would silently release the lock taken through the first one.
        Path key = root.toRealPath();
        if (lock != null || !HELD.add(key)) {
            throw new DataDirectoryBusyException(root);
        }
        try {
            Path lockFile = root.resolve("hetong.lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock acquired;
            try {
                acquired = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                acquired = null;
            }
            if (acquired == null) {
                channel.close();
                throw new DataDirectoryBusyException(root);
            }
            lockChannel = channel;
            lock = acquired;
            heldKey = key;
            return this;
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    public Path originals() {
        return root.resolve("originals");
    }

    public Path catalogFile() {
        return root.resolve("catalog.db");
    }

    public Path index() {
        return root.resolve("index");
    }

    /** Scratch space for uploads in flight and unpacked attachments; emptied at start. */
    public Path scratch() {
        return root.resolve("tmp");
    }

    /** Backup archives the running server made ({@code POST /api/admin/backups}); never part of a backup. */
    public Path backups() {
        return root.resolve("backups");
    }

    /** True when nothing has been archived here yet (no catalog file). */
    public boolean isNew() {
        return !Files.exists(catalogFile());
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            try {
                lock.release();
                lockChannel.close();
            } finally {
                lock = null;
                HELD.remove(heldKey);
            }
        }
    }

    /** Another process holds the data directory. */
    public static final class DataDirectoryBusyException extends IOException {
        public DataDirectoryBusyException(Path root) {
            super("数据目录 " + root + " 正被另一个 hetong 进程使用（服务器或导入任务）。"
                    + "请等待它结束或先停止它；服务器运行时请通过网页或 POST /api/uploads 上传文件。"
                    + " (data directory is in use by another hetong process)");
        }
    }
}
