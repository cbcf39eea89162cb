package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hetong.archive.Catalog;
import org.hetong.index.ClauseIndex;
import org.hetong.ingest.ImportQueue;

/** {@code GET /api/health}: is the server up, and how much does it hold. */
final class HealthRoutes {
    private final Catalog catalog;
    private final ClauseIndex index;
    private final ImportQueue queue;

    HealthRoutes(Catalog catalog, ClauseIndex index, ImportQueue queue) {
        this.catalog = catalog;
        this.index = index;
        this.queue = queue;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
    }

    private void health(Context ctx) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("documents", catalog.countDocuments());
        body.put("clauses", catalog.countClauses());
        body.put("indexedClauses", index.clauseCount());
        body.put("indexGeneration", index.generation());
        body.put("queue", Map.of("pending", queue.pendingCount(), "processed", queue.processedCount()));
        Runtime runtime = Runtime.getRuntime();
        body.put("heap", Map.of("usedBytes", runtime.totalMemory() - runtime.freeMemory(), "maxBytes", runtime.maxMemory()));
        body.put("caches", Map.of());
        ctx.json(body);
    }
}
