package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import org.hetong.search.QuerySyntaxException;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchService;
import org.hetong.search.ClauseDiff;
import org.hetong.search.ResultExport;
import org.hetong.search.SearchHit;
import org.hetong.search.SimilarClauses;
import org.hetong.search.Suggestions;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.Json;
import org.hetong.understand.Clause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/search}: clause search with highlights and facets. */
final class SearchRoutes {
    private static final java.util.regex.Pattern CLAUSE_ID = java.util.regex.Pattern.compile("[0-9a-f]{16}-\\d{1,6}");
    private final SearchService search;
    private final SimilarClauses similar;
    private final Suggestions suggestions;
    private final Catalog catalog;

    SearchRoutes(SearchService search, SimilarClauses similar, Suggestions suggestions, Catalog catalog) {
        this.search = search;
        this.similar = similar;
        this.suggestions = suggestions;
        this.catalog = catalog;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/search", this::search);
        routes.get("/api/search/export.xlsx", this::export);
        routes.get("/api/clauses/{id}/similar", this::similar);
        routes.get("/api/diff", this::diff);
        routes.get("/api/suggest", this::suggest);
    }

    private void search(Context ctx) throws IOException {
        SearchRequest request = request(ctx);
        try {
            ctx.json(search.search(request));
        } catch (QuerySyntaxException e) {
            throw ApiException.badRequest("query_syntax", e.getMessage());
        }
    }

    /** The result list as an Excel workbook, up to {@value ResultExport#MAX_ROWS} clauses. */
    private void export(Context ctx) throws IOException {
        SearchRequest request = request(ctx);
        List<SearchHit> hits;
        try {
            hits = search.all(request, ResultExport.MAX_ROWS);
        } catch (QuerySyntaxException e) {
            throw ApiException.badRequest("query_syntax", e.getMessage());
        }
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ctx.header("Content-Disposition", DocumentRoutes.contentDisposition("attachment", "hetong-检索结果.xlsx"));
        ResultExport.write(request.query(), hits, ctx.outputStream());
    }

    /** Precedents: clauses worded like this one in other contracts ({@code family=true} includes its own family). */
    private void similar(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        if (!CLAUSE_ID.matcher(id).matches()) {
            throw ApiException.notFound("条款编号「" + id + "」格式不正确。");
        }
        int size = Math.min(Math.max(Params.intParam(ctx, "size", 10), 1), 50);
        boolean family = "true".equals(Params.param(ctx, "family"));
        List<SimilarClauses.Similar> found = similar.find(id, size, family)
                .orElseThrow(() -> ApiException.notFound("找不到条款 " + id + "（不在检索索引中）。"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (SimilarClauses.Similar s : found) {
            Map<String, Object> json = Json.MAPPER.convertValue(s.clause(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
            json.put("overlap", Math.round(s.overlap() * 100) / 100.0);
            list.add(json);
        }
        ctx.json(Map.of("clauseId", id, "similar", list));
    }

    /** A character-level diff of two clauses: {@code /api/diff?a=<clauseId>&b=<clauseId>}. */
    private void diff(Context ctx) {
        Map<String, Object> a = clause(Params.param(ctx, "a"), "a");
        Map<String, Object> b = clause(Params.param(ctx, "b"), "b");
        ClauseDiff.Result result = ClauseDiff.diff((String) a.get("text"), (String) b.get("text"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("a", a);
        body.put("b", b);
        body.put("similarity", Math.round(result.similarity() * 1000) / 1000.0);
        body.put("runs", result.runs());
        ctx.json(body);
    }

    private Map<String, Object> clause(String id, String param) {
        if (id == null || !CLAUSE_ID.matcher(id).matches()) {
            throw ApiException.badRequest("bad_parameter", "参数 " + param + " 应为条款编号（例如 0123456789abcdef-12）。");
        }
        String documentId = id.substring(0, 16);
        int ordinal = Integer.parseInt(id.substring(17));
        DocumentRecord doc = catalog.find(documentId).orElseThrow(() -> ApiException.notFound("找不到条款 " + id + "。"));
        Clause clause = catalog.clauses(documentId).stream().filter(c -> c.ordinal() == ordinal).findFirst()
                .orElseThrow(() -> ApiException.notFound("找不到条款 " + id + "。"));
        Map<String, Object> json = DocumentRoutes.clauseJson(documentId, clause);
        json.put("documentId", documentId);
        json.put("documentTitle", doc.title());
        json.put("kind", doc.kind());
        return json;
    }

    /** As-you-type suggestions of clause headings and legal terms. */
    private void suggest(Context ctx) throws IOException {
        int size = Math.min(Math.max(Params.intParam(ctx, "size", 8), 1), 20);
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 50) {
            throw ApiException.badRequest("bad_parameter", "输入过长（超过 50 个字符）。");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Suggestions.Suggestion s : suggestions.suggest(q, size)) {
            list.add(Map.of("text", s.text(), "weight", s.weight()));
        }
        ctx.json(Map.of("suggestions", list));
    }

    private SearchRequest request(Context ctx) {
        SearchRequest request;
        try {
            request = new SearchRequest(ctx.queryParam("q"), Params.param(ctx, "type"), Params.param(ctx, "kind"),
                    Params.param(ctx, "party"), Params.param(ctx, "year"), Params.param(ctx, "contract"), Params.param(ctx, "risk"),
                    Params.param(ctx, "ocr"), Params.intParam(ctx, "page", 1), Params.intParam(ctx, "size", 20), Params.param(ctx, "sort"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_parameter", e.getMessage());
        }
        return request;
    }
}
