package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hetong.backup.BackupException;
import org.hetong.backup.Backups;

/**
 * Backups of the running server's data directory, for administrators: {@code POST
 * /api/admin/backups} makes one now (catalog, originals and index, consistent while imports go on)
 * and answers with its server-chosen name; {@code GET /api/admin/backups} lists them;
 * {@code GET /api/admin/backups/{id}} downloads one, by a name that must be one of the server's own.
 */
final class BackupRoutes {
    private final Backups backups;

    BackupRoutes(Backups backups) {
        this.backups = backups;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/admin/backups", this::list);
        routes.post("/api/admin/backups", this::create);
        routes.get("/api/admin/backups/{id}", this::download);
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Backups.Entry e : backups.list()) {
            list.add(entryJson(e));
        }
        ctx.json(Map.of("backups", list));
    }

    private void create(Context ctx) throws IOException {
        long started = System.nanoTime();
        Backups.Entry entry;
        try {
            entry = backups.create("管理员 " + AccessControl.principal(ctx).username());
        } catch (Backups.InProgressException e) {
            throw new ApiException(409, "backup_running", e.getMessage());
        } catch (BackupException e) {
            throw new ApiException(500, "backup_failed", "备份失败：" + e.getMessage());
        }
        AuditTrail.note(ctx, entry.name(), entry.documents() + " 个文档，" + entry.sizeBytes() + " 字节");
        Map<String, Object> json = entryJson(entry);
        json.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        ctx.status(201).json(json);
    }

    private void download(Context ctx) throws IOException {
        String name = ctx.pathParam("id");
        Path file = backups.file(name).orElseThrow(() -> ApiException.notFound("找不到备份「" + name + "」。"));
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("application/zip");
        ctx.header("Content-Disposition", DocumentRoutes.contentDisposition("attachment", file.getFileName().toString()));
        ctx.header("Content-Length", String.valueOf(Files.size(file)));
        ctx.result(Files.newInputStream(file));
    }

    private static Map<String, Object> entryJson(Backups.Entry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", e.name());
        json.put("sizeBytes", e.sizeBytes());
        json.put("createdAt", e.createdAt());
        json.put("documents", e.documents());
        json.put("madeBy", e.madeBy());
        return json;
    }
}
