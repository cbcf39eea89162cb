package org.hetong.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The backups a running server makes of its own data directory, in {@code <data>/backups/}: one at
 * a time, each under a name the server chooses ({@code hetong-backup-20261128T093000Z.zip}). A name
 * asked for is only ever matched against that pattern and looked up in this folder, never turned
 * into a path of its own.
 */
public final class Backups {
    private static final Pattern NAME = Pattern.compile("hetong-backup-\\d{8}T\\d{6}Z(-\\d{1,3})?\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String PART = ".part";

    /** One backup in the folder; {@code createdAt}, {@code documents} and {@code madeBy} are null when its manifest is unreadable. */
    public record Entry(String name, long sizeBytes, String createdAt, Long documents, String madeBy) {}

    private final Path folder;
    private final BackupWriter writer;
    private final ReentrantLock running = new ReentrantLock();

    public Backups(Path folder, BackupWriter writer) throws IOException {
        this.folder = folder;
        this.writer = writer;
        removeUnfinished();
    }

    /** Whether {@code name} is a backup name this server could have chosen. */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Makes a backup now; refuses with {@link InProgressException} while another one is being made. */
    public Entry create(String madeBy) throws IOException {
        if (!running.tryLock()) {
            throw new InProgressException();
        }
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(freeName(Instant.now()));
            BackupManifest manifest = writer.write(file, madeBy);
            return new Entry(file.getFileName().toString(), Files.size(file), manifest.createdAt(), manifest.documents(), manifest.madeBy());
        } finally {
            running.unlock();
        }
    }

    /** The backups in the folder, newest first. */
    public List<Entry> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> isName(f.getFileName().toString())).toList()) {
                entries.add(entryOf(file));
            }
        }
        entries.sort(Comparator.comparing(Entry::name).reversed());
        return entries;
    }

    /** The file of a backup by its name; empty when the name is not a backup name or there is no such backup. */
    public Optional<Path> file(String name) {
        if (!isName(name)) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private String freeName(Instant now) {
        String stamp = "hetong-backup-" + STAMP.format(now);
        String name = stamp + ".zip";
        for (int i = 2; Files.exists(folder.resolve(name)); i++) {
            name = stamp + "-" + i + ".zip";
        }
        return name;
    }

    private static Entry entryOf(Path file) throws IOException {
        long size = Files.size(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
            if (entry != null) {
                try (InputStream in = zip.getInputStream(entry)) {
                    BackupManifest m = BackupManifest.read(in);
                    return new Entry(file.getFileName().toString(), size, m.createdAt(), m.documents(), m.madeBy());
                }
            }
        } catch (IOException unreadable) {
            // Listed without its details: the person sees the file and can delete it.
        }
        return new Entry(file.getFileName().toString(), size, null, null, null);
    }

    /** A backup interrupted by a crash leaves a .part file; nothing else can be writing one (the folder's server holds the lock). */
    private void removeUnfinished() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".zip" + PART)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Another backup of this data directory is being made. */
    public static final class InProgressException extends IOException {
        public InProgressException() {
            super("正在制作另一个备份，请等它完成后再试。");
        }
    }
}
