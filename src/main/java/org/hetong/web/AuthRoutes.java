package org.hetong.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hetong.archive.AuditLog;
import org.hetong.archive.Json;
import org.hetong.archive.Users;

/**
 * The login session of the page: {@code GET /api/session} (who is logged in, and the CSRF token the
 * page must send with every write), {@code POST /api/session} (log in), {@code DELETE /api/session}
 * (log out), {@code POST /api/session/password} (change one's own password).
 *
 * <p>The session cookie is HttpOnly and SameSite=Strict, and Secure when the request came over
 * TLS. Logging in requires a JSON body, which a cross-site form cannot send.
 */
final class AuthRoutes {
    private final Users users;
    private final Sessions sessions;
    private final AccessControl access;
    private final AuditLog audit;

    AuthRoutes(Users users, Sessions sessions, AccessControl access, AuditLog audit) {
        this.users = users;
        this.sessions = sessions;
        this.access = access;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/session", this::current);
        routes.post("/api/session", this::logIn);
        routes.delete("/api/session", this::logOut);
        routes.post("/api/session/password", this::changePassword);
    }

    private void current(Context ctx) {
        ctx.json(sessionJson(AccessControl.principal(ctx), AccessControl.session(ctx)));
    }

    private void logIn(Context ctx) throws IOException {
        JsonNode body = jsonBody(ctx);
        String username = body.path("username").asText("").strip();
        String password = body.path("password").asText("");
        if (username.isEmpty() || password.isEmpty()) {
            throw ApiException.badRequest("bad_parameter", "请输入用户名和密码。");
        }
        Users.User user = access.checkPassword(ctx, username, password, "登录页");
        Sessions.Session old = AccessControl.session(ctx);
        if (old != null) {
            sessions.end(old.id);
        }
        Sessions.Session session = sessions.create(user.username());
        ctx.res().addHeader("Set-Cookie", cookie(ctx, session.id, -1));
        audit.record(user.username(), "login", user.username(), "登录页", ctx.ip(), 200);
        ctx.json(sessionJson(new Principal(user.username(), user.role(), Principal.Via.SESSION, null), session));
    }

    private void logOut(Context ctx) {
        Sessions.Session session = AccessControl.session(ctx);
        if (session != null) {
            sessions.end(session.id);
            audit.record(session.username, "logout", session.username, null, ctx.ip(), 200);
        }
        ctx.res().addHeader("Set-Cookie", cookie(ctx, "", 0));
        ctx.json(sessionJson(null, null));
    }

    private void changePassword(Context ctx) throws IOException {
        Principal principal = AccessControl.principal(ctx);
        JsonNode body = jsonBody(ctx);
        String current = body.path("currentPassword").asText("");
        String next = body.path("newPassword").asText("");
        if (current.isEmpty()) {
            throw ApiException.badRequest("bad_parameter", "请输入当前密码。");
        }
        access.checkPassword(ctx, principal.username(), current, "修改密码");
        try {
            Users.requirePassword(next);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("weak_password", e.getMessage());
        }
        if (next.equals(current)) {
            throw ApiException.badRequest("same_password", "新密码不能与当前密码相同。");
        }
        users.setPassword(principal.username(), next);
        Sessions.Session session = AccessControl.session(ctx);
        sessions.endAll(principal.username(), session == null ? "" : session.id);
        AuditTrail.note(ctx, principal.username(), null);
        ctx.json(Map.of("changed", true));
    }

    static JsonNode jsonBody(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "not_json", "请求体应为 JSON（Content-Type: application/json）。");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
            return node == null ? Json.MAPPER.createObjectNode() : node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("bad_json", "请求体不是有效的 JSON。");
        }
    }

    static Map<String, Object> sessionJson(Principal principal, Sessions.Session session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authenticated", principal != null);
        if (principal != null) {
            json.put("username", principal.username());
            json.put("role", principal.role().code());
            json.put("roleLabel", principal.role().label());
            json.put("via", principal.via().name().toLowerCase(java.util.Locale.ROOT));
            json.put("csrfToken", session == null ? null : session.csrfToken);
        }
        return json;
    }

    private static String cookie(Context ctx, String value, int maxAge) {
        boolean secure = ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return Sessions.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
