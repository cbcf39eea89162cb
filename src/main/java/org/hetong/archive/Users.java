package org.hetong.archive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local accounts in the catalog: name, role, Argon2id password hash, enabled or not.
 *
 * <p>All accounts are kept in memory and reloaded after every change made through this object,
 * so that checking who sends a request never waits for the catalog (which import workers keep
 * busy). A successful password check is remembered for a few minutes (keyed by a SHA-256 of name
 * and password, and only while the stored hash is unchanged), so that a script sending HTTP Basic
 * on every request does not pay for Argon2 each time. Accounts are disabled, never deleted: the
 * audit log keeps referring to them.
 */
public final class Users {
    /** Letters (including Chinese), digits, dot, dash and underscore; 1 to 32 characters. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9._-]{1,32}");
    public static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 200;

    /** One account as shown and checked; the hash stays inside this class. */
    public record User(String username, Role role, boolean enabled, String createdAt, String updatedAt) {}

    private record Stored(User user, String passwordHash) {}

    private final Catalog catalog;
    private final Cache<String, String> verified = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(5)).build();
    private volatile Map<String, Stored> accounts;

    public Users(Catalog catalog) {
        this.catalog = catalog;
        reload();
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    public Optional<User> find(String username) {
        Stored s = username == null ? null : accounts.get(username);
        return s == null ? Optional.empty() : Optional.of(s.user());
    }

    public List<User> list() {
        return accounts.values().stream().map(Stored::user).sorted(Comparator.comparing(User::username)).toList();
    }

    /** The enabled account with this name and password, if any. Takes the time of a check either way. */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        Stored s = accounts.get(username);
        if (s == null) {
            Passwords.verifyDummy(password);
            return Optional.empty();
        }
        String key = sha256(username + '\0' + password);
        String knownHash = verified.getIfPresent(key);
        boolean ok = s.passwordHash().equals(knownHash) || Passwords.verify(password, s.passwordHash());
        if (!ok) {
            return Optional.empty();
        }
        verified.put(key, s.passwordHash());
        return s.user().enabled() ? Optional.of(s.user()) : Optional.empty();
    }

    public User create(String username, String password, Role role) {
        requireName(username);
        requirePassword(password);
        if (accounts.containsKey(username)) {
            throw new IllegalStateException("账号「" + username + "」已存在。");
        }
        String now = Catalog.now();
        catalog.update("INSERT INTO users (username, role, password_hash, enabled, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)",
                username, role.code(), Passwords.hash(password), now, now);
        reload();
        return find(username).orElseThrow();
    }

    public void setPassword(String username, String password) {
        requireExisting(username);
        requirePassword(password);
        catalog.update("UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?", Passwords.hash(password), Catalog.now(), username);
        reload();
    }

    public void setRole(String username, Role role) {
        User user = requireExisting(username);
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(username);
        }
        catalog.update("UPDATE users SET role = ?, updated_at = ? WHERE username = ?", role.code(), Catalog.now(), username);
        reload();
    }

    public void setEnabled(String username, boolean enabled) {
        User user = requireExisting(username);
        if (!enabled && user.role() == Role.ADMIN) {
            requireAnotherAdmin(username);
        }
        catalog.update("UPDATE users SET enabled = ?, updated_at = ? WHERE username = ?", enabled ? 1 : 0, Catalog.now(), username);
        reload();
    }

    /** Checks a new password against the rules; the message says what is wrong. */
    public static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("密码至少需要 " + MIN_PASSWORD + " 个字符。");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new IllegalArgumentException("密码不能超过 " + MAX_PASSWORD + " 个字符。");
        }
    }

    private static void requireName(String username) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("账号名「" + username + "」无效：只能包含汉字、字母、数字和 . _ -，长度 1 至 32。");
        }
    }

    private User requireExisting(String username) {
        return find(username).orElseThrow(() -> new java.util.NoSuchElementException("找不到账号「" + username + "」。"));
    }

    private void requireAnotherAdmin(String username) {
        boolean another = accounts.values().stream().map(Stored::user)
                .anyMatch(u -> u.enabled() && u.role() == Role.ADMIN && !u.username().equals(username));
        if (!another) {
            throw new IllegalStateException("至少需要保留一个可用的管理员账号；请先把另一个账号设为管理员。");
        }
    }

    private void reload() {
        Map<String, Stored> loaded = new LinkedHashMap<>();
        for (Stored s : catalog.query("SELECT * FROM users ORDER BY username", rs -> new Stored(
                new User(rs.getString("username"), Role.parse(rs.getString("role")), rs.getInt("enabled") == 1,
                        rs.getString("created_at"), rs.getString("updated_at")), rs.getString("password_hash")))) {
            loaded.put(s.user().username(), s);
        }
        accounts = Map.copyOf(loaded);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
