package org.hetong.archive;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * API tokens for scripts ({@code Authorization: Bearer ht_…}). A token is made by an administrator
 * for one account and acts as that account, with its current role; the secret is shown once and
 * only its SHA-256 is stored (a 256-bit random secret needs no slow hash). A revoked token stays
 * listed, so that the audit log's references remain readable. Active tokens are kept in memory.
 */
public final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_NAME = 100;

    /** A token as listed; never the secret. */
    public record Token(String id, String name, String username, String createdBy, String createdAt, String revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new token and its secret, which is never available again. */
    public record Created(Token token, String secret) {}

    private final Catalog catalog;
    private volatile Map<String, Token> activeByHash;

    public ApiTokens(Catalog catalog) {
        this.catalog = catalog;
        reload();
    }

    public Created create(String name, String username, String createdBy) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new IllegalArgumentException("请为令牌起一个名称（1 至 " + MAX_NAME + " 个字符），例如“扫描仪导入脚本”。");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "ht_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        catalog.update("INSERT INTO api_tokens (id, name, username, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, clean, username, Users.sha256(secret), createdBy, Catalog.now());
        reload();
        return new Created(find(id).orElseThrow(), secret);
    }

    /** The active token with this secret, if any. */
    public Optional<Token> authenticate(String secret) {
        if (secret == null || !secret.startsWith("ht_") || secret.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(activeByHash.get(Users.sha256(secret)));
    }

    public List<Token> list() {
        return catalog.query("SELECT * FROM api_tokens ORDER BY created_at DESC", ApiTokens::tokenOf);
    }

    public Optional<Token> find(String id) {
        return catalog.query("SELECT * FROM api_tokens WHERE id = ?", ApiTokens::tokenOf, id).stream().findFirst();
    }

    /** Revokes a token; false when there is no such active token. */
    public boolean revoke(String id) {
        boolean changed = catalog.update("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Catalog.now(), id) > 0;
        reload();
        return changed;
    }

    private void reload() {
        record Row(String hash, Token token) {}
        activeByHash = catalog.query("SELECT * FROM api_tokens WHERE revoked_at IS NULL",
                rs -> new Row(rs.getString("token_hash"), tokenOf(rs))).stream()
                .collect(Collectors.toUnmodifiableMap(Row::hash, Row::token));
    }

    private static Token tokenOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Token(rs.getString("id"), rs.getString("name"), rs.getString("username"), rs.getString("created_by"),
                rs.getString("created_at"), rs.getString("revoked_at"));
    }
}
