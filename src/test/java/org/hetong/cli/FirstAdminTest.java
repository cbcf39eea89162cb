package org.hetong.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hetong.archive.Catalog;
import org.hetong.archive.Role;
import org.hetong.archive.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first administrator of a new data directory, and the way back in for a locked-out one. */
class FirstAdminTest {
    @TempDir
    Path data;

    @Test
    void withoutTheEnvironmentVariableAGeneratedPasswordIsPrintedAndWrittenOnceForTheOwnerOnly() throws Exception {
        try (Catalog catalog = Catalog.open(data.resolve("catalog.db"))) {
            Users users = new Users(catalog);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FirstAdmin.ensure(users, data, null, new PrintStream(out, true, StandardCharsets.UTF_8));
            Path file = data.resolve(FirstAdmin.FILE);
            String password = Files.readString(file).strip();
            assertEquals(20, password.length());
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(password), "printed once");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(Role.ADMIN, users.authenticate("admin", password).orElseThrow().role());

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            FirstAdmin.ensure(users, data, null, new PrintStream(again, true, StandardCharsets.UTF_8));
            assertEquals("", again.toString(StandardCharsets.UTF_8), "only on the first start");
            assertEquals(password, Files.readString(file).strip(), "never rewritten");
        }
    }

    @Test
    void theEnvironmentVariableSetsThePasswordAndNothingIsWritten() throws Exception {
        try (Catalog catalog = Catalog.open(data.resolve("catalog.db"))) {
            Users users = new Users(catalog);
            FirstAdmin.ensure(users, data, "from-the-environment", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertTrue(users.authenticate("admin", "from-the-environment").isPresent());
            assertFalse(Files.exists(data.resolve(FirstAdmin.FILE)));
        }
    }

    @Test
    void theAdminPasswordCommandLetsALockedOutAdministratorBackIn() throws Exception {
        try (Catalog catalog = Catalog.open(data.resolve("catalog.db"))) {
            Users users = new Users(catalog);
            users.create("admin", "forgotten-password", Role.ADMIN);
            users.create("boss", "boss-password", Role.ADMIN);
            users.setEnabled("admin", false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"admin-password", "--data", data.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(Main.OK, exit);
        String printed = out.toString(StandardCharsets.UTF_8);
        String password = printed.substring(printed.lastIndexOf('：') + 1).strip();
        try (Catalog catalog = Catalog.open(data.resolve("catalog.db"))) {
            assertTrue(new Users(catalog).authenticate("admin", password).isPresent(), printed);
        }
    }
}
