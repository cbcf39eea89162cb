package org.hetong.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a catalog to the current schema by running the numbered scripts under
 * {@code db/migration/} that it has not run yet.
 *
 * <p>The schema version is kept in SQLite's own {@code PRAGMA user_version}, the slot SQLite
 * provides for exactly this (https://www.sqlite.org/pragma.html#pragma_user_version), so no
 * migration library or bookkeeping table is needed. Each script runs in one transaction together
 * with its version bump: a catalog is always at a whole version.
 */
final class Migrations {
    /** Scripts in order; the n-th script brings the catalog to version n. */
    static final List<String> SCRIPTS = List.of("001-catalog.sql", "002-upload-queue.sql", "003-families-and-risks.sql",
            "004-ocr.sql", "005-accounts-and-audit.sql", "006-settings.sql",
            "007-clause-count-index.sql");

    private Migrations() {}

    static void migrate(Connection connection) throws SQLException, IOException {
        int current = userVersion(connection);
        if (current > SCRIPTS.size()) {
            throw new SQLException("the catalog has schema version " + current + " but this hetong knows only "
                    + SCRIPTS.size() + "; it was written by a newer hetong — upgrade hetong to open it");
        }
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String script = load(SCRIPTS.get(version - 1));
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : splitStatements(script)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + version);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("catalog migration " + SCRIPTS.get(version - 1) + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String load(String name) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new IOException("migration script missing from the jar: db/migration/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a script on semicolons at line ends, dropping comment lines. */
    static List<String> splitStatements(String script) {
        StringBuilder current = new StringBuilder();
        java.util.ArrayList<String> statements = new java.util.ArrayList<>();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            int comment = line.indexOf("--");
            String code = comment >= 0 ? line.substring(0, comment) : line;
            current.append(code).append('\n');
            if (code.strip().endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
