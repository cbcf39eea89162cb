package org.hetong.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hetong.archive.ApiTokens;
import org.hetong.archive.Role;
import org.hetong.archive.Users;

/**
 * Accounts and API tokens, for administrators: list, create and change accounts (role, enabled,
 * a new password), create tokens (the secret is in the answer once) and revoke them. Disabling an
 * account or setting its password ends its sessions.
 */
final class UserRoutes {
    private final Users users;
    private final ApiTokens tokens;
    private final Sessions sessions;

    UserRoutes(Users users, ApiTokens tokens, Sessions sessions) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/users", this::list);
        routes.post("/api/users", this::create);
        routes.put("/api/users/{username}", this::change);
        routes.get("/api/tokens", this::listTokens);
        routes.post("/api/tokens", this::createToken);
        routes.delete("/api/tokens/{id}", this::revokeToken);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Users.User u : users.list()) {
            list.add(userJson(u));
        }
        ctx.json(Map.of("users", list));
    }

    private void create(Context ctx) throws IOException {
        JsonNode body = AuthRoutes.jsonBody(ctx);
        String username = body.path("username").asText("").strip();
        Users.User user = apply(() -> users.create(username, body.path("password").asText(""), role(body.path("role").asText(null))));
        AuditTrail.note(ctx, user.username(), "角色 " + user.role().label());
        ctx.status(201).json(userJson(user));
    }

    private void change(Context ctx) throws IOException {
        String username = ctx.pathParam("username");
        JsonNode body = AuthRoutes.jsonBody(ctx);
        List<String> changes = new ArrayList<>();
        apply(() -> {
            users.find(username).orElseThrow(() -> new NoSuchElementException("找不到账号「" + username + "」。"));
            if (body.hasNonNull("password")) {
                Users.requirePassword(body.get("password").asText()); // before anything changes
            }
            if (body.hasNonNull("role")) {
                Role role = role(body.get("role").asText());
                users.setRole(username, role);
                changes.add("角色 " + role.label());
            }
            if (body.hasNonNull("enabled")) {
                boolean enabled = body.get("enabled").asBoolean();
                users.setEnabled(username, enabled);
                changes.add(enabled ? "启用" : "停用");
            }
            if (body.hasNonNull("password")) {
                users.setPassword(username, body.get("password").asText());
                changes.add("重设密码");
            }
            return null;
        });
        if (changes.isEmpty()) {
            throw ApiException.badRequest("bad_parameter", "请求体应包含 role、enabled 或 password 中的至少一项。");
        }
        if (changes.contains("停用") || changes.contains("重设密码")) {
            sessions.endAll(username, "");
        }
        AuditTrail.note(ctx, username, String.join("，", changes));
        ctx.json(userJson(users.find(username).orElseThrow()));
    }

    private void listTokens(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ApiTokens.Token t : tokens.list()) {
            list.add(tokenJson(t));
        }
        ctx.json(Map.of("tokens", list));
    }

    private void createToken(Context ctx) throws IOException {
        JsonNode body = AuthRoutes.jsonBody(ctx);
        String creator = AccessControl.principal(ctx).username();
        String owner = body.path("username").asText("").strip();
        String username = owner.isEmpty() ? creator : owner;
        Users.User user = users.find(username).filter(Users.User::enabled)
                .orElseThrow(() -> ApiException.badRequest("bad_parameter", "找不到可用的账号「" + username + "」。令牌须属于一个已启用的账号。"));
        ApiTokens.Created created = apply(() -> tokens.create(body.path("name").asText(""), user.username(), creator));
        AuditTrail.note(ctx, created.token().id(), created.token().name() + " · 账号 " + user.username());
        Map<String, Object> json = tokenJson(created.token());
        json.put("secret", created.secret());
        ctx.status(201).json(json);
    }

    private void revokeToken(Context ctx) {
        String id = ctx.pathParam("id");
        ApiTokens.Token token = tokens.find(id).orElseThrow(() -> ApiException.notFound("找不到令牌 " + id + "。"));
        if (!tokens.revoke(id)) {
            throw new ApiException(409, "already_revoked", "令牌 " + id + " 已被撤销。");
        }
        AuditTrail.note(ctx, id, token.name() + " · 账号 " + token.username());
        ctx.json(tokenJson(tokens.find(id).orElseThrow()));
    }

    private static Role role(String text) {
        return Role.parse(text == null ? "" : text);
    }

    /** Runs an account change, turning its refusals into 400 (bad value), 404 (no such account) or 409 (conflict). */
    private static <T> T apply(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_parameter", e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
    }

    private static Map<String, Object> userJson(Users.User u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", u.username());
        json.put("role", u.role().code());
        json.put("roleLabel", u.role().label());
        json.put("enabled", u.enabled());
        json.put("createdAt", u.createdAt());
        json.put("updatedAt", u.updatedAt());
        return json;
    }

    private static Map<String, Object> tokenJson(ApiTokens.Token t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("name", t.name());
        json.put("username", t.username());
        json.put("createdBy", t.createdBy());
        json.put("createdAt", t.createdAt());
        json.put("revokedAt", t.revokedAt());
        json.put("active", t.active());
        return json;
    }
}
