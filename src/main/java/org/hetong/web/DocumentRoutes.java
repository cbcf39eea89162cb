package org.hetong.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentQuery;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.FamilyLinks;
import org.hetong.archive.LinkRecord;
import org.hetong.archive.OriginalStore;
import org.hetong.ingest.DocumentActions;
import org.hetong.ingest.OcrOutcome;
import org.hetong.ingest.Reindexer;
import org.hetong.understand.ContractFields;
import org.hetong.understand.DocumentKind;
import org.hetong.understand.Clause;

/** Archive browsing: document lists, one document with its clauses and links, its original and text. */
final class DocumentRoutes {
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern CLAUSE_ID = Pattern.compile("([0-9a-f]{16})-(\\d{1,6})");

    private final Catalog catalog;
    private final OriginalStore store;
    private final DocumentActions actions;

    DocumentRoutes(Catalog catalog, OriginalStore store, DocumentActions actions) {
        this.catalog = catalog;
        this.store = store;
        this.actions = actions;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/documents", this::list);
        routes.get("/api/documents/{id}", this::document);
        routes.get("/api/documents/{id}/original", this::original);
        routes.get("/api/documents/{id}/text", this::text);
        routes.get("/api/clauses/{id}", this::clause);
        routes.delete("/api/documents/{id}", this::delete);
        routes.post("/api/documents/{id}/restore", this::restore);
        routes.post("/api/documents/{id}/retry", this::retry);
    }

    private void delete(Context ctx) throws IOException {
        DocumentRecord doc = find(ctx.pathParam("id"));
        actions.delete(doc.id());
        DocumentRecord deleted = catalog.find(doc.id()).orElseThrow();
        ctx.json(Map.of("documentId", deleted.id(), "deletedAt", deleted.deletedAt()));
    }

    private void restore(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        DocumentRecord doc = findIncludingDeleted(id);
        if (doc.deletedAt() == null) {
            throw new ApiException(409, "not_deleted", "文档 " + id + " 不在回收站中，无需恢复。");
        }
        actions.restore(doc.id());
        ctx.json(summary(catalog.find(doc.id()).orElseThrow()));
    }

    private void retry(Context ctx) {
        DocumentRecord doc = find(ctx.pathParam("id"));
        String jobId = actions.retry(doc.id()).orElseThrow(() -> ApiException.notFound("找不到文档 " + doc.id() + "。"));
        ctx.status(202).json(Map.of("jobId", jobId, "documentId", doc.id()));
    }

    private void list(Context ctx) {
        DocumentQuery query;
        try {
            query = new DocumentQuery(kindCode(Params.param(ctx, "kind")), Params.param(ctx, "status"), Params.param(ctx, "contract"),
                    Params.param(ctx, "year"), Params.param(ctx, "party"), Params.param(ctx, "q"),
                    "true".equals(Params.param(ctx, "deleted")), Params.param(ctx, "sort"), Params.intParam(ctx, "page", 1),
                    Params.intParam(ctx, "size", 50));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_parameter", e.getMessage());
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (DocumentRecord doc : catalog.list(query)) {
            documents.add(summary(doc));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", catalog.count(query));
        body.put("documents", documents);
        ctx.json(body);
    }

    private void document(Context ctx) {
        DocumentRecord doc = findIncludingDeleted(ctx.pathParam("id"));
        Map<String, Object> body = summary(doc);
        body.put("error", doc.errorMessage());
        body.put("errorCode", doc.errorCode());
        body.put("sha256", doc.sha256());
        body.put("fields", doc.fieldsJson() == null ? null : Reindexer.fieldsOf(doc));
        body.put("links", links(doc.id()));
        body.put("family", family(catalog, new FamilyLinks(catalog), doc.id()));
        body.put("risks", risks(doc));
        List<Map<String, Object>> clauses = new ArrayList<>();
        List<OcrOutcome.TextSpan> ocrSpans = OcrOutcome.spansOf(doc.ocrSpans());
        for (Clause c : catalog.clauses(doc.id())) {
            Map<String, Object> clause = clauseJson(doc.id(), c);
            clause.put("ocr", OcrOutcome.covers(ocrSpans, c.start(), c.end()));
            clauses.add(clause);
        }
        body.put("clauses", clauses);
        ctx.json(body);
    }

    private void original(Context ctx) throws IOException {
        DocumentRecord doc = findIncludingDeleted(ctx.pathParam("id"));
        InputStream in = store.open(doc.sha256());
        // Only PDFs are shown in the page; everything else is a download, never rendered by the browser.
        boolean inline = "1".equals(ctx.queryParam("inline")) && "application/pdf".equals(doc.mediaType());
        // Binary content: no charset parameter (Jetty would otherwise add the response's default).
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(doc.mediaType() == null ? "application/octet-stream" : doc.mediaType());
        ctx.header("Content-Disposition", contentDisposition(inline ? "inline" : "attachment", doc.fileName()));
        ctx.header("Content-Length", String.valueOf(doc.sizeBytes()));
        ctx.result(in);
    }

    private void text(Context ctx) {
        DocumentRecord doc = findIncludingDeleted(ctx.pathParam("id"));
        String text = catalog.text(doc.id()).orElseThrow(() ->
                ApiException.notFound("文档 " + doc.id() + " 没有提取出的文字" + (doc.errorMessage() == null ? "。" : "：" + doc.errorMessage())));
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(text);
    }

    private void clause(Context ctx) {
        var m = CLAUSE_ID.matcher(ctx.pathParam("id"));
        if (!m.matches()) {
            throw ApiException.notFound("条款编号「" + ctx.pathParam("id") + "」格式不正确。");
        }
        DocumentRecord doc = find(m.group(1));
        int ordinal = Integer.parseInt(m.group(2));
        Clause clause = catalog.clauses(doc.id()).stream().filter(c -> c.ordinal() == ordinal).findFirst()
                .orElseThrow(() -> ApiException.notFound("找不到条款 " + ctx.pathParam("id") + "。"));
        Map<String, Object> body = clauseJson(doc.id(), clause);
        body.put("documentId", doc.id());
        body.put("documentTitle", doc.title());
        body.put("kind", doc.kind());
        body.put("contractId", doc.contractId());
        ctx.json(body);
    }

    /** A document that is not in the trash. */
    private DocumentRecord find(String id) {
        DocumentRecord doc = findIncludingDeleted(id);
        if (doc.deletedAt() != null) {
            throw ApiException.notFound("文档 " + id + " 已在回收站中；请先恢复。");
        }
        return doc;
    }

    private DocumentRecord findIncludingDeleted(String id) {
        if (id == null || !DOCUMENT_ID.matcher(id).matches()) {
            throw ApiException.notFound("文档编号「" + id + "」格式不正确（应为 16 位十六进制）。");
        }
        return catalog.find(id).orElseThrow(() -> ApiException.notFound("找不到文档 " + id + "。"));
    }

    private static String kindCode(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return DocumentKind.parse(kind).code();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_parameter", "未知的文档类别「" + kind + "」，应为 contract、supplement、correspondence、attachment 或 other。");
        }
    }

    private List<Map<String, Object>> links(String id) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (LinkRecord link : catalog.links(id)) {
            if (FamilyLinks.REJECTED.equals(link.origin())) {
                continue; // a link a person removed is kept only so that it is not made again
            }
            boolean out = link.fromId().equals(id);
            String other = out ? link.toId() : link.fromId();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("documentId", other);
            json.put("title", catalog.find(other).map(d -> d.title() != null ? d.title() : d.fileName()).orElse(other));
            json.put("relation", link.relation());
            json.put("direction", out ? "out" : "in");
            json.put("name", link.name());
            json.put("reason", link.reason());
            json.put("confidence", link.confidence());
            json.put("origin", link.origin());
            links.add(json);
        }
        return links;
    }

    /** The document's contract family link: which contract, as what, why, decided by whom; null when none. */
    static Map<String, Object> family(Catalog catalog, FamilyLinks links, String id) {
        for (LinkRecord link : links.linksTo(id)) {
            if (FamilyLinks.REJECTED.equals(link.origin())) {
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("contractId", link.fromId());
            json.put("contractTitle", catalog.find(link.fromId()).map(DocumentRecord::title).orElse(null));
            json.put("relation", link.relation());
            json.put("reason", link.reason());
            json.put("confidence", link.confidence());
            json.put("origin", link.origin());
            return json;
        }
        return null;
    }

    /** A document's risks as the catalog holds them (contracts only), each with the id of its clause if any. */
    static List<Map<String, Object>> risks(DocumentRecord doc) {
        if (doc.risksJson() == null) {
            return List.of();
        }
        try {
            List<Map<String, Object>> risks = org.hetong.archive.Json.MAPPER.readValue(doc.risksJson(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
            for (Map<String, Object> risk : risks) {
                Object ordinal = risk.get("clauseOrdinal");
                risk.put("clauseId", ordinal instanceof Number n ? Clause.idOf(doc.id(), n.intValue()) : null);
            }
            return risks;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable risks of " + doc.id(), e);
        }
    }

    static Map<String, Object> summary(DocumentRecord doc) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documentId", doc.id());
        json.put("title", doc.title());
        json.put("fileName", doc.fileName());
        json.put("kind", doc.kind());
        json.put("status", doc.status());
        json.put("contractId", doc.contractId());
        json.put("mediaType", doc.mediaType());
        json.put("sizeBytes", doc.sizeBytes());
        json.put("createdAt", doc.createdAt());
        json.put("deletedAt", doc.deletedAt());
        json.put("errorCode", doc.errorCode());
        json.put("error", doc.errorMessage());
        json.put("ocr", doc.isOcr());
        json.put("ocrPages", doc.ocrPages());
        json.put("ocrPendingPages", doc.ocrPendingPages());
        ContractFields fields = doc.fieldsJson() == null ? ContractFields.empty() : Reindexer.fieldsOf(doc);
        json.put("contractNumber", fields.contractNumber());
        json.put("parties", fields.parties().stream().map(ContractFields.Party::name).toList());
        json.put("signDate", fields.signDate());
        return json;
    }

    static Map<String, Object> clauseJson(String documentId, Clause c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clauseId", Clause.idOf(documentId, c.ordinal()));
        json.put("number", c.number());
        json.put("heading", c.heading());
        json.put("clauseType", c.clauseType());
        json.put("secondaryType", c.secondaryType());
        json.put("text", c.text());
        json.put("level", c.level());
        json.put("role", c.role().code());
        json.put("searchable", c.searchable());
        json.put("parentId", c.parentOrdinal() == null ? null : Clause.idOf(documentId, c.parentOrdinal()));
        json.put("start", c.start());
        json.put("end", c.end());
        return json;
    }

    /** RFC 6266 with an RFC 5987 UTF-8 name, and an ASCII fallback for old clients. */
    static String contentDisposition(String type, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "original" : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
