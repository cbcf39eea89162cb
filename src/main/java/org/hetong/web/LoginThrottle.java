package org.hetong.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #PER_ACCOUNT} failed logins within {@link #WINDOW} for one
 * account, or {@value #PER_ADDRESS} from one address, further attempts for it are refused (429 with
 * Retry-After) until the oldest failure leaves the window. Applies to the login form and to HTTP
 * Basic alike. The address allows more than an account because an office behind one NAT (or a
 * reverse proxy) shares it: a colleague's typos must not lock everyone out.
 */
final class LoginThrottle {
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> reported = new ConcurrentHashMap<>();

    /** Seconds until an attempt for this account from this address is allowed again; 0 when it is now. */
    long retryAfterSeconds(String username, String ip) {
        long now = System.nanoTime();
        return Math.max(wait("user:" + username, PER_ACCOUNT, now), wait("ip:" + ip, PER_ADDRESS, now));
    }

    void failed(String username, String ip) {
        long now = System.nanoTime();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return prune(e.getValue(), now).isEmpty();
                }
            });
        }
        add("user:" + username, now);
        add("ip:" + ip, now);
    }

    /**
     * True for the first refused attempt of a lockout (per account and address), so that the audit
     * log gets one entry for it rather than one per request of a guessing script.
     */
    boolean firstRefusal(String username, String ip) {
        long now = System.nanoTime();
        if (reported.size() > MAX_KEYS) {
            reported.clear();
        }
        Long last = reported.get(username + "\0" + ip);
        if (last != null && now - last < WINDOW.toNanos()) {
            return false;
        }
        reported.put(username + "\0" + ip, now);
        return true;
    }

    /** A successful login clears the account's failures (not the address's). */
    void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private void add(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now).addLast(now);
        }
    }

    private long wait(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            long until = times.peekFirst() + WINDOW.toNanos();
            return Math.max(1, (until - now + 999_999_999L) / 1_000_000_000L);
        }
    }

    private static Deque<Long> prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW.toNanos()) {
            times.removeFirst();
        }
        return times;
    }
}
