package org.hetong.web;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.hetong.archive.AuditLog;

/**
 * Records each successful request whose {@link AccessRules} rule names an audit action (after the
 * route has answered): who, the action, its target (the route's path parameter, e.g. the document
 * id), what exactly (query and filters; the document's file name; what a route {@link #note noted}),
 * when and from where. Logins and logouts are recorded by {@link AuthRoutes}, refusals by
 * {@link AccessControl}.
 */
final class AuditTrail {
    private static final String TARGET = "hetong.audit.target";
    private static final String DETAIL = "hetong.audit.detail";

    private final AuditLog audit;
    private final Function<String, String> documentName;

    /** {@code documentName} gives the file name of a document id (null when unknown). */
    AuditTrail(AuditLog audit, Function<String, String> documentName) {
        this.audit = audit;
        this.documentName = documentName;
    }

    /** Lets a route say what its audit entry should name, e.g. the upload job it made and how many files. */
    static void note(Context ctx, String target, String detail) {
        ctx.attribute(TARGET, target);
        ctx.attribute(DETAIL, detail);
    }

    void record(Context ctx) {
        AccessRules.Rule rule = ctx.attribute(AccessControl.RULE);
        int status = ctx.statusCode();
        if (rule == null || rule.audit() == null || status >= 400) {
            return;
        }
        Principal principal = AccessControl.principal(ctx);
        String target = ctx.attribute(TARGET);
        String detail = ctx.attribute(DETAIL);
        Map<String, String> params = ctx.pathParamMap();
        if (target == null && !params.isEmpty()) {
            target = params.values().iterator().next();
        }
        if (detail == null) {
            detail = describe(ctx, rule, target);
        }
        if (principal != null && principal.tokenId() != null) {
            detail = (detail == null ? "" : detail + " · ") + "API 令牌 " + principal.tokenId();
        }
        audit.record(principal == null ? null : principal.username(), rule.audit(), target, detail, ctx.ip(), status);
    }

    private String describe(Context ctx, AccessRules.Rule rule, String target) {
        String query = ctx.queryString() == null ? null : URLDecoder.decode(ctx.queryString(), StandardCharsets.UTF_8);
        if (target != null && (rule.path().startsWith("/api/documents/{id}") || rule.path().startsWith("/api/contracts/{id}"))) {
            String name = documentName.apply(target);
            String body = "PUT".equals(rule.method()) ? ctx.body() : null;
            return join(join(name, query), body);
        }
        return query;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? null : b;
        }
        return b == null || b.isBlank() ? a : a + " · " + b;
    }
}
