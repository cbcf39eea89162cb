package org.hetong.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, API tokens and the audit log in a real catalog. */
class AccountsTest {
    @TempDir
    Path tmp;
    private Catalog catalog;

    @BeforeEach
    void open() throws IOException {
        catalog = Catalog.open(tmp.resolve("catalog.db"));
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void passwordsAreStoredAsArgon2idAndVerifyOnlyTheRightPassword() {
        String hash = Passwords.hash("正确的密码-correct");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(Passwords.verify("正确的密码-correct", hash));
        assertFalse(Passwords.verify("正确的密码-correcT", hash));
        assertFalse(Passwords.verify("x", "not a hash"));
        assertFalse(hash.equals(Passwords.hash("正确的密码-correct")), "salted");
    }

    @Test
    void usersAuthenticateWithTheirPasswordUntilDisabledAndTheLastAdminStays() {
        Users users = new Users(catalog);
        users.create("admin", "admin-password", Role.ADMIN);
        users.create("张三", "zhang-password", Role.READER);
        assertEquals(Role.READER, users.authenticate("张三", "zhang-password").orElseThrow().role());
        assertTrue(users.authenticate("张三", "wrong-password").isEmpty());
        assertTrue(users.authenticate("nobody", "zhang-password").isEmpty());
        users.setPassword("张三", "new-password");
        assertTrue(users.authenticate("张三", "zhang-password").isEmpty(), "a remembered check ends with the password");
        users.setEnabled("张三", false);
        assertTrue(users.authenticate("张三", "new-password").isEmpty(), "disabled");
        assertThrows(IllegalStateException.class, () -> users.setRole("admin", Role.READER));
        assertThrows(IllegalStateException.class, () -> users.setEnabled("admin", false));
        assertThrows(IllegalArgumentException.class, () -> users.create("<b>", "long-enough", Role.READER));
        assertThrows(IllegalArgumentException.class, () -> users.create("short", "1234567", Role.READER));
        assertEquals(2, new Users(catalog).list().size(), "kept in the catalog");
    }

    @Test
    void aTokenIsStoredOnlyAsAHashAndStopsWorkingWhenRevoked() {
        new Users(catalog).create("script", "script-password", Role.UPLOADER);
        ApiTokens tokens = new ApiTokens(catalog);
        ApiTokens.Created created = tokens.create("导入脚本", "script", "admin");
        assertEquals("script", tokens.authenticate(created.secret()).orElseThrow().username());
        List<String> stored = catalog.query("SELECT token_hash FROM api_tokens", rs -> rs.getString(1));
        assertFalse(stored.contains(created.secret()));
        assertTrue(tokens.revoke(created.token().id()));
        assertTrue(tokens.authenticate(created.secret()).isEmpty());
        assertFalse(tokens.revoke(created.token().id()));
    }

    @Test
    void theAuditLogFiltersByUserActionAndTime() {
        try (AuditLog audit = new AuditLog(catalog)) {
            Instant before = Instant.now().minusSeconds(1);
            audit.record("reader", "download", "0123456789abcdef", "合同.pdf", "127.0.0.1", 200);
            audit.record("reader", "search", null, "q=保密", "127.0.0.1", 200);
            audit.record("admin", "download", "0123456789abcdef", "合同.pdf", "10.0.0.2", 200);
            List<AuditLog.Entry> downloads = audit.find(new AuditLog.Query("reader", "download", before, null, 1, 10));
            assertEquals(1, downloads.size());
            assertEquals("127.0.0.1", downloads.get(0).ip());
            assertEquals(3, audit.count(new AuditLog.Query(null, null, before, Instant.now().plusSeconds(1), 1, 10)));
            assertEquals(0, audit.count(new AuditLog.Query(null, null, null, before, 1, 10)));
            List<String> actions = new ArrayList<>();
            audit.forEach(new AuditLog.Query(null, null, null, null, 1, 1), e -> actions.add(e.action()));
            assertEquals(List.of("download", "search", "download"), actions, "newest first");
        }
    }

    @Test
    void theCatalogRefusesToChangeOrDeleteAuditEntries() {
        try (AuditLog audit = new AuditLog(catalog)) {
            audit.record("reader", "download", "0123456789abcdef", null, "127.0.0.1", 200);
            audit.flush();
        }
        Catalog.CatalogException update = assertThrows(Catalog.CatalogException.class,
                () -> catalog.update("UPDATE audit_log SET username = 'someone-else'"));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(Catalog.CatalogException.class, () -> catalog.update("DELETE FROM audit_log"));
        assertEquals(1, catalog.queryLong("SELECT COUNT(*) FROM audit_log WHERE username = 'reader'"));
    }

    @Test
    void noSourceFileChangesOrDeletesAuditEntries() throws IOException {
        Pattern rewrite = Pattern.compile("(?i)(update\\s+audit_log|delete\\s+from\\s+audit_log|drop\\s+(table|trigger)\\s+(if\\s+exists\\s+)?audit_log)");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (rewrite.matcher(Files.readString(f)).find()) {
                    offenders.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
