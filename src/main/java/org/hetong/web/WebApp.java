package org.hetong.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hetong.archive.ApiTokens;
import org.hetong.archive.AuditLog;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.Json;
import org.hetong.archive.OriginalStore;
import org.hetong.archive.UploadJobs;
import org.hetong.archive.Users;
import org.hetong.backup.Backups;
import org.hetong.ingest.DocumentActions;
import org.hetong.ingest.Families;
import org.hetong.ingest.ImportQueue;
import org.hetong.ingest.IngestLimits;
import org.hetong.index.ClauseIndex;
import org.hetong.search.SearchService;
import org.hetong.search.SimilarClauses;
import org.hetong.search.Suggestions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of hetong: the static page and the JSON API. Routes only translate between HTTP
 * and the services; errors become JSON {@code {"error","code"}} in one place here.
 */
public final class WebApp {
    private static final Logger log = LoggerFactory.getLogger(WebApp.class);

    private static final String ERROR_WRITTEN = "hetong.errorWritten";

    private WebApp() {}

    /** What the web layer needs from the rest of hetong. */
    public record Dependencies(Catalog catalog, OriginalStore store, ClauseIndex index, SearchService search,
                               UploadJobs jobs, ImportQueue queue, DocumentActions actions, Families families,
                               SimilarClauses similar, Suggestions suggestions, IngestLimits limits,
                               Users users, ApiTokens tokens, AuditLog audit, Backups backups) {}

    public static Javalin create(Dependencies deps) {
        SearchRoutes search = new SearchRoutes(deps.search(), deps.similar(), deps.suggestions(), deps.catalog());
        DocumentRoutes documents = new DocumentRoutes(deps.catalog(), deps.store(), deps.actions());
        UploadRoutes uploads = new UploadRoutes(deps.catalog(), deps.store(), deps.jobs(), deps.queue(), deps.limits());
        ContractRoutes contracts = new ContractRoutes(deps.catalog(), deps.families());
        HealthRoutes health = new HealthRoutes(deps.catalog(), deps.index(), deps.queue(), deps.search());
        Sessions sessions = new Sessions();
        AccessControl access = new AccessControl(deps.users(), deps.tokens(), sessions, new LoginThrottle(), deps.audit());
        AuditTrail trail = new AuditTrail(deps.audit(), id -> deps.catalog().find(id).map(DocumentRecord::fileName).orElse(null));
        AuthRoutes auth = new AuthRoutes(deps.users(), sessions, access, deps.audit());
        UserRoutes users = new UserRoutes(deps.users(), deps.tokens(), sessions);
        AuditRoutes audit = new AuditRoutes(deps.audit());
        BackupRoutes backups = new BackupRoutes(deps.backups());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.defaultContentType = "application/json";
            // A checkout serves web/ as it is on disk (no build step); a lone jar serves its own copy.
            Path web = org.hetong.config.ConfigFiles.home().resolve("web");
            if (Files.isDirectory(web)) {
                config.staticFiles.add(web.toAbsolutePath().toString(), Location.EXTERNAL);
            } else {
                config.staticFiles.add("/web", Location.CLASSPATH);
            }
            config.http.maxRequestSize = AccessControl.MAX_BODY_BYTES; // uploads stream past it (MultipartFiles)
            config.routes.before(WebApp::securityHeaders);
            // Who is asking, then (once the route is known) may they: AccessRules is the one table of who may do what.
            config.routes.before(access::authenticate);
            config.routes.beforeMatched(access::authorize);
            config.routes.after(trail::record);
            auth.register(config.routes);
            users.register(config.routes);
            audit.register(config.routes);
            backups.register(config.routes);
            search.register(config.routes);
            documents.register(config.routes);
            uploads.register(config.routes);
            contracts.register(config.routes);
            health.register(config.routes);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal", "服务器内部错误，请稍后重试或联系管理员。(" + e.getClass().getSimpleName() + ")");
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.attribute(ERROR_WRITTEN) == null) {
                    error(ctx, 404, "not_found", "没有这个接口：" + ctx.path());
                }
            });
        });
    }

    /**
     * Headers on every response: a Content-Security-Policy that allows only this server's own
     * scripts and styles (the page has no inline script or style), no framing except of an inline
     * PDF original by the page itself, no MIME sniffing, no referrer; API answers are not cached.
     */
    private static void securityHeaders(Context ctx) {
        boolean inlinePdf = ctx.path().endsWith("/original") && "1".equals(ctx.queryParam("inline"));
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors " + (inlinePdf ? "'self'" : "'none'"));
        ctx.header("X-Frame-Options", inlinePdf ? "SAMEORIGIN" : "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store"); // contract text and originals stay out of browser and proxy caches
        }
        if (ctx.req().isSecure()) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status);
        ctx.json(Map.of("error", message, "code", code));
    }
}
