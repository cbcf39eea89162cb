package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hetong.archive.Catalog;
import org.hetong.index.ClauseIndex;
import org.hetong.ingest.ImportQueue;
import org.hetong.search.SearchService;

/** {@code GET /api/health}: is the server up, and how much does it hold. */
final class HealthRoutes {
    private final Catalog catalog;
    private final ClauseIndex index;
    private final ImportQueue queue;
    private final SearchService search;

    HealthRoutes(Catalog catalog, ClauseIndex index, ImportQueue queue, SearchService search) {
        this.catalog = catalog;
        this.index = index;
        this.queue = queue;
        this.search = search;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
    }

    private void health(Context ctx) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        if (!AccessControl.allows(ctx, org.hetong.archive.Role.READER)) {
            ctx.json(body); // without login: only that the server is up, nothing about what it holds
            return;
        }
        body.put("documents", catalog.countDocuments());
        body.put("clauses", catalog.countClauses());
        body.put("indexedClauses", index.clauseCount());
        body.put("indexGeneration", index.generation());
        body.put("queue", Map.of("pending", queue.pendingCount(), "processed", queue.processedCount()));
        Runtime runtime = Runtime.getRuntime();
        body.put("heap", Map.of("usedBytes", runtime.totalMemory() - runtime.freeMemory(), "maxBytes", runtime.maxMemory()));
        var stats = search.cacheStats();
        Map<String, Object> caches = new java.util.LinkedHashMap<>();
        caches.put("searchResults", Map.of("size", search.cachedResults(), "hits", stats.hitCount(),
                "misses", stats.missCount(), "hitRate", Math.round(stats.hitRate() * 1000) / 1000.0));
        search.backend().countCacheStats().ifPresent(counts -> caches.put("facetCounts", Map.of("hits", counts.hitCount(),
                "misses", counts.missCount(), "hitRate", Math.round(counts.hitRate() * 1000) / 1000.0)));
        body.put("caches", caches);
        ctx.json(body);
    }
}
