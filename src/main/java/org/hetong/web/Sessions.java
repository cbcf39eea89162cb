package org.hetong.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions of the web page, in memory: a random cookie value names a session, which holds
 * the account and the CSRF token the page must send with every write. A session ends at logout,
 * after {@link #IDLE} without a request, or {@link #LIFETIME} after login. A restart logs everyone
 * out, which is acceptable for a page that logs in again in a second.
 */
final class Sessions {
    static final String COOKIE = "hetong_session";
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One session. {@code lastSeen} is refreshed by each request. */
    static final class Session {
        final String id;
        final String username;
        final String csrfToken;
        final Instant created;
        volatile Instant lastSeen;

        Session(String id, String username, String csrfToken, Instant created) {
            this.id = id;
            this.username = username;
            this.csrfToken = csrfToken;
            this.created = created;
            this.lastSeen = created;
        }

        boolean expired(Instant now) {
            return now.isAfter(lastSeen.plus(IDLE)) || now.isAfter(created.plus(LIFETIME));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A new session for an account that just logged in (a fresh id: no session fixation). */
    Session create(String username) {
        Instant now = Instant.now();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> s.expired(now));
        }
        Session session = new Session(random(), username, random(), now);
        sessions.put(session.id, session);
        return session;
    }

    /** The live session with this id, touched; empty for an unknown or expired id. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (session.expired(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of an account except {@code keep} (after a password change or disabling). */
    void endAll(String username, String keep) {
        sessions.values().removeIf(s -> s.username.equals(username) && !s.id.equals(keep));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
