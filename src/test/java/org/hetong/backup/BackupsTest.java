package org.hetong.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {
    @TempDir
    Path tmp;

    @Test
    void onlyNamesTheServerChoosesAreBackupNames() {
        assertTrue(Backups.isName("hetong-backup-20261128T093000Z.zip"));
        assertTrue(Backups.isName("hetong-backup-20261128T093000Z-2.zip"));
        for (String name : List.of("", "catalog.db", "hetong.lock", "../hetong-backup-20261128T093000Z.zip",
                "hetong-backup-20261128T093000Z.zip.part", "hetong-backup-20261128T093000Z.zip/x", "HETONG-BACKUP-20261128T093000Z.ZIP",
                "hetong-backup-2026112T093000Z.zip", "hetong-backup-20261128T093000Z.zip\u0000")) {
            assertFalse(Backups.isName(name), name);
        }
        assertFalse(Backups.isName(null));
    }

    @Test
    void aNameIsOnlyLookedUpInTheBackupFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("data/backups"));
        Files.writeString(tmp.resolve("data/catalog.db"), "secret");
        Files.writeString(folder.resolve("hetong-backup-20261128T093000Z.zip"), "zip");
        Files.writeString(folder.resolve("hetong-backup-20261128T093001Z.zip.part"), "unfinished");
        Backups backups = new Backups(folder, null);
        assertEquals(Optional.of(folder.resolve("hetong-backup-20261128T093000Z.zip")), backups.file("hetong-backup-20261128T093000Z.zip"));
        assertEquals(Optional.empty(), backups.file("../catalog.db"));
        assertEquals(Optional.empty(), backups.file("hetong-backup-20261128T093002Z.zip"), "not there");
        assertFalse(Files.exists(folder.resolve("hetong-backup-20261128T093001Z.zip.part")), "an unfinished backup is removed at start");
        List<Backups.Entry> listed = backups.list();
        assertEquals(1, listed.size());
        assertEquals("hetong-backup-20261128T093000Z.zip", listed.get(0).name());
        assertEquals(null, listed.get(0).createdAt(), "an unreadable archive is listed without details");
    }
}
