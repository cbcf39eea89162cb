package org.hetong.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hetong.archive.Role;

/**
 * Who may call which API route, in one table: the role each route needs (none: public), what the
 * audit log records when it succeeds, and whether it may carry a large body (uploads only).
 * {@link AccessControl} enforces it before every request; a route Javalin knows but this table does
 * not is refused to everyone (deny by default), and {@code AccessRulesIT} fails when the table and
 * the registered routes differ. Paths are written exactly as the routes register them.
 */
final class AccessRules {
    /** One route's rule. {@code role} null means public; {@code audit} null means not recorded by the table. */
    record Rule(String method, String path, Role role, String audit, boolean largeBody) {
        String key() {
            return method + " " + path;
        }
    }

    private static final Role PUBLIC = null;
    private static final Role READER = Role.READER;
    private static final Role UPLOADER = Role.UPLOADER;
    private static final Role ADMIN = Role.ADMIN;

    private static final List<Rule> RULES = List.of(
            // Public: the page needs to know whether someone is logged in, and to log in.
            rule("GET", "/api/health", PUBLIC, null),              // counts only for a reader (HealthRoutes)
            rule("GET", "/api/session", PUBLIC, null),
            rule("POST", "/api/session", PUBLIC, null),            // login; AuthRoutes records success and failure
            rule("DELETE", "/api/session", PUBLIC, null),          // logout; recorded by AuthRoutes
            rule("POST", "/api/session/password", READER, "password-change"),

            // 查阅 reader: search, view, download.
            rule("GET", "/api/search", READER, "search"),
            rule("GET", "/api/search/export.xlsx", READER, "search-export"),
            rule("GET", "/api/suggest", READER, null),
            rule("GET", "/api/clauses/{id}", READER, null),
            rule("GET", "/api/clauses/{id}/similar", READER, null),
            rule("GET", "/api/diff", READER, null),
            rule("GET", "/api/documents", READER, null),
            rule("GET", "/api/documents/{id}", READER, "view"),
            rule("GET", "/api/documents/{id}/original", READER, "download"),
            rule("GET", "/api/documents/{id}/text", READER, "text"),
            rule("GET", "/api/contracts/{id}", READER, "view-family"),
            rule("GET", "/api/risks", READER, null),

            // 上传 uploader: upload, retry, family links.
            new Rule("POST", "/api/uploads", UPLOADER, "upload", true),
            new Rule("POST", "/api/uploads/{jobId}", UPLOADER, "upload", true),
            rule("GET", "/api/uploads", UPLOADER, null),
            rule("GET", "/api/uploads/{jobId}", UPLOADER, null),
            rule("POST", "/api/documents/{id}/retry", UPLOADER, "retry"),
            rule("PUT", "/api/documents/{id}/contract", UPLOADER, "family-link"),
            rule("DELETE", "/api/documents/{id}/contract", UPLOADER, "family-unlink"),
            rule("POST", "/api/documents/{id}/contract/confirm", UPLOADER, "family-confirm"),

            // 管理 admin: delete and restore, accounts, tokens, the audit log, backups.
            rule("DELETE", "/api/documents/{id}", ADMIN, "delete"),
            rule("POST", "/api/documents/{id}/restore", ADMIN, "restore"),
            rule("GET", "/api/users", ADMIN, null),
            rule("POST", "/api/users", ADMIN, "user-create"),
            rule("PUT", "/api/users/{username}", ADMIN, "user-change"),
            rule("GET", "/api/tokens", ADMIN, null),
            rule("POST", "/api/tokens", ADMIN, "token-create"),
            rule("DELETE", "/api/tokens/{id}", ADMIN, "token-revoke"),
            rule("GET", "/api/audit", ADMIN, null),
            rule("GET", "/api/audit/export.csv", ADMIN, "audit-export"),
            rule("GET", "/api/admin/backups", ADMIN, null),
            rule("POST", "/api/admin/backups", ADMIN, "backup-create"),
            rule("GET", "/api/admin/backups/{id}", ADMIN, "backup-download"));

    private static final Map<String, Rule> BY_KEY = index();

    private AccessRules() {}

    static List<Rule> all() {
        return RULES;
    }

    /** The rule of a registered route ({@code path} as registered, e.g. {@code /api/documents/{id}}). */
    static Optional<Rule> find(String method, String path) {
        return Optional.ofNullable(BY_KEY.get(method + " " + path));
    }

    private static Rule rule(String method, String path, Role role, String audit) {
        return new Rule(method, path, role, audit, false);
    }

    private static Map<String, Rule> index() {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (Rule r : RULES) {
            if (map.put(r.key(), r) != null) {
                throw new IllegalStateException("two access rules for " + r.key());
            }
        }
        return Map.copyOf(map);
    }
}
