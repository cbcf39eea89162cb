package org.hetong.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.hetong.archive.ApiTokens;
import org.hetong.archive.AuditLog;
import org.hetong.archive.Role;
import org.hetong.archive.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@link AccessRules} on every request, in two steps. {@link #authenticate} (before
 * every request) finds out who is asking: HTTP Basic or an API token in {@code Authorization}, else
 * the session cookie of the login page. {@link #authorize} (once Javalin knows the route) refuses
 * what the caller may not do: 401 when nobody is logged in, 403 for the wrong role, a cross-site
 * write, or a cookie-authenticated write without the session's CSRF token; 413 for a body over
 * {@link #MAX_BODY_BYTES} on any route but uploads. Routes never check roles themselves.
 */
final class AccessControl {
    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);
    static final long MAX_BODY_BYTES = 64 * 1024;
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "hetong.principal";
    private static final String SESSION = "hetong.session";
    static final String RULE = "hetong.rule";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The throttle's account name for wrong API tokens (not a valid account name, so it names no one). */
    private static final String TOKEN_GUESS = "(API 令牌)";

    private final Users users;
    private final ApiTokens tokens;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    AccessControl(Users users, ApiTokens tokens, Sessions sessions, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The caller of this request, or null when nobody is logged in. */
    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The login session of this request (cookie authentication only). */
    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** True when the caller may do what {@code role} may. */
    static boolean allows(Context ctx, Role role) {
        Principal p = principal(ctx);
        return p != null && p.may(role);
    }

    void authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            ctx.attribute(PRINCIPAL, fromAuthorization(ctx, authorization.strip()));
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (session.isEmpty()) {
            return;
        }
        Optional<Users.User> user = users.find(session.get().username).filter(Users.User::enabled);
        if (user.isEmpty()) {
            sessions.end(session.get().id);
            return;
        }
        ctx.attribute(SESSION, session.get());
        ctx.attribute(PRINCIPAL, new Principal(user.get().username(), user.get().role(), Principal.Via.SESSION, null));
    }

    void authorize(Context ctx) {
        if (!ctx.path().startsWith("/api/")) {
            return; // the static page is public; it asks /api/session who is logged in
        }
        String method = ctx.method().name();
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        AccessRules.Rule rule = endpoint == null ? null : AccessRules.find(method, endpoint.path).orElse(null);
        Principal principal = principal(ctx);
        if (rule == null) {
            // HEAD requests, and any route someone registered without adding it to the table.
            if (endpoint != null) {
                log.error("route {} {} has no access rule in AccessRules; refused", method, endpoint.path);
            }
            throw refuse(ctx, principal, "not_listed", "接口 " + method + " " + ctx.path() + " 不在访问权限表中，已拒绝。");
        }
        ctx.attribute(RULE, rule);
        if (!rule.largeBody() && ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw new ApiException(413, "request_too_large", "请求内容超过 " + MAX_BODY_BYTES / 1024 + " KB 上限。");
        }
        if (rule.role() != null && principal == null) {
            throw unauthenticated(ctx);
        }
        if (!SAFE_METHODS.contains(method)) {
            checkWrite(ctx, principal, rule);
        }
        if (rule.role() != null && !principal.may(rule.role())) {
            throw refuse(ctx, principal, "forbidden", "您的账号（" + principal.role().label() + "）无权执行此操作：需要「"
                    + rule.role().label() + "」权限。如需权限请联系管理员。");
        }
    }

    /** Writes must come from this site, and a cookie-authenticated write must carry the session's CSRF token. */
    private void checkWrite(Context ctx, Principal principal, AccessRules.Rule rule) {
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site")) || !sameOrigin(ctx)) {
            throw refuse(ctx, principal, "cross_site", "拒绝来自其他网站的写请求。");
        }
        Sessions.Session session = session(ctx);
        boolean login = "POST".equals(ctx.method().name()) && "/api/session".equals(rule.path());
        if (session != null && !login) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.csrfToken.getBytes(StandardCharsets.UTF_8))) {
                throw refuse(ctx, principal, "csrf", "请求缺少有效的 CSRF 令牌（" + CSRF_HEADER + "），请刷新页面后重试。");
            }
        }
    }

    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return true; // not sent by a browser's cross-site request (browsers send Origin with every cross-site write)
        }
        try {
            URI uri = URI.create(origin.strip());
            String host = ctx.header("Host");
            String originHost = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Principal fromAuthorization(Context ctx, String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            Optional<ApiTokens.Token> token = tokens.authenticate(value);
            Optional<Users.User> user = token.flatMap(t -> users.find(t.username())).filter(Users.User::enabled);
            if (user.isEmpty()) {
                // Wrong tokens count against the address like wrong passwords, so guessing scripts are slowed and logged once.
                long wait = throttle.retryAfterSeconds(TOKEN_GUESS, ctx.ip());
                if (wait > 0) {
                    ctx.header("Retry-After", String.valueOf(wait));
                    throw new ApiException(429, "too_many_attempts", "无效令牌尝试过多，请 " + ((wait + 59) / 60) + " 分钟后再试。");
                }
                throttle.failed(TOKEN_GUESS, ctx.ip());
                audit.record(null, "token-failed", null, "无效或已撤销的 API 令牌", ctx.ip(), 401);
                throw new ApiException(401, "bad_token", "API 令牌无效或已撤销。");
            }
            return new Principal(user.get().username(), user.get().role(), Principal.Via.TOKEN, token.get().id());
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException(401, "bad_credentials", "HTTP Basic 认证信息格式错误。");
            }
            int colon = decoded.indexOf(':');
            String username = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            Users.User user = checkPassword(ctx, username, password, "HTTP Basic");
            return new Principal(user.username(), user.role(), Principal.Via.BASIC, null);
        }
        throw new ApiException(401, "bad_credentials", "不支持的认证方式「" + scheme + "」：请使用登录页、HTTP Basic 或 API 令牌（Bearer）。");
    }

    /**
     * Checks a password under the login throttle: 429 while the account or the address is locked
     * out, 401 for a wrong name or password (recorded as a failed login), the account otherwise.
     */
    Users.User checkPassword(Context ctx, String username, String password, String how) {
        String ip = ctx.ip();
        long wait = throttle.retryAfterSeconds(username, ip);
        if (wait > 0) {
            if (throttle.firstRefusal(username, ip)) {
                audit.record(username, "login-throttled", username, how, ip, 429);
            }
            ctx.header("Retry-After", String.valueOf(wait));
            throw new ApiException(429, "too_many_attempts", "登录失败次数过多，请 " + ((wait + 59) / 60) + " 分钟后再试。");
        }
        Optional<Users.User> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            throttle.failed(username, ip);
            audit.record(username, "login-failed", username, how, ip, 401);
            throw new ApiException(401, "bad_credentials", "用户名或密码错误。");
        }
        throttle.succeeded(username);
        return user.get();
    }

    private ApiException refuse(Context ctx, Principal principal, String code, String message) {
        if (principal == null) {
            return unauthenticated(ctx);
        }
        audit.record(principal.username(), "denied", ctx.method().name() + " " + ctx.path(), code, ctx.ip(), 403);
        return new ApiException(403, code, message);
    }

    private static ApiException unauthenticated(Context ctx) {
        // Scripts are told they may use HTTP Basic; the page (which sends X-Requested-With) shows its own login form instead.
        if (ctx.header("X-Requested-With") == null) {
            ctx.header("WWW-Authenticate", "Basic realm=\"hetong\", charset=\"UTF-8\"");
        }
        return new ApiException(401, "unauthenticated", "请先登录。");
    }
}
