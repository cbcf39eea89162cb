package org.hetong.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.FamilyLinks;
import org.hetong.archive.Json;
import org.hetong.archive.LinkRecord;
import org.hetong.ingest.Families;
import org.hetong.understand.Amendment;
import org.hetong.understand.Clause;
import org.hetong.understand.DocumentFacts;
import org.hetong.understand.DocumentKind;
import org.hetong.understand.FamilyLink;

/**
 * Contract families: {@code GET /api/contracts/{id}} (the contract, its supplements, correspondence
 * and records on one timeline, each clause with the changes supplements made to it), and the
 * staff's say over automatic links ({@code PUT/DELETE /api/documents/{id}/contract},
 * {@code POST /api/documents/{id}/contract/confirm}).
 */
final class ContractRoutes {
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{16}");

    private final Catalog catalog;
    private final Families families;
    private final FamilyLinks links;

    ContractRoutes(Catalog catalog, Families families) {
        this.catalog = catalog;
        this.families = families;
        this.links = families.links();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/contracts/{id}", this::family);
        routes.put("/api/documents/{id}/contract", this::assign);
        routes.delete("/api/documents/{id}/contract", this::remove);
        routes.post("/api/documents/{id}/contract/confirm", this::confirm);
        routes.get("/api/risks", this::risks);
    }

    /** Contracts with risks, optionally of one kind of risk (code or label, e.g. expiring, 缺少保密条款). */
    private void risks(Context ctx) {
        String code = Params.param(ctx, "risk");
        int page = Math.max(1, Params.intParam(ctx, "page", 1));
        int size = Math.min(Math.max(Params.intParam(ctx, "size", 50), 1), 200);
        List<Map<String, Object>> contracts = new ArrayList<>();
        long total = 0;
        for (DocumentRecord doc : catalog.contractsWithRisks(code, page, size)) {
            Map<String, Object> json = DocumentRoutes.summary(doc);
            json.put("risks", DocumentRoutes.risks(doc));
            contracts.add(json);
        }
        total = catalog.countContractsWithRisks(code);
        ctx.json(Map.of("total", total, "contracts", contracts));
    }

    private void family(Context ctx) {
        DocumentRecord contract = find(ctx.pathParam("id"));
        if (!DocumentKind.CONTRACT.code().equals(contract.kind())) {
            String owner = contract.contractId();
            throw ApiException.notFound("文档 " + contract.id() + " 不是合同" + (owner == null ? "，也不属于任何合同。" : "；它属于合同 " + owner + "。"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contract", DocumentRoutes.summary(contract));
        body.put("fields", contract.fieldsJson() == null ? null : org.hetong.ingest.Reindexer.fieldsOf(contract));
        body.put("risks", DocumentRoutes.risks(contract));

        List<Map<String, Object>> timeline = new ArrayList<>();
        timeline.add(member(contract, null));
        List<DocumentRecord> supplements = new ArrayList<>();
        for (LinkRecord link : links.members(contract.id())) {
            DocumentRecord doc = catalog.find(link.toId()).filter(d -> d.deletedAt() == null).orElse(null);
            if (doc == null) {
                continue;
            }
            timeline.add(member(doc, link));
            if (DocumentKind.SUPPLEMENT.code().equals(doc.kind())) {
                supplements.add(doc);
            }
        }
        timeline.sort(Comparator.comparing((Map<String, Object> m) -> m.get("date") == null ? "9999" : m.get("date").toString())
                .thenComparing(m -> m.get("documentId").toString()));
        body.put("documents", timeline);

        Map<String, List<Map<String, Object>>> changes = new LinkedHashMap<>();
        for (DocumentRecord supplement : supplements) {
            DocumentFacts facts = Families.factsOf(supplement);
            if (facts == null) {
                continue;
            }
            for (Amendment a : facts.amendments()) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("documentId", supplement.id());
                change.put("documentTitle", supplement.title());
                change.put("date", facts.date());
                change.put("action", a.action().code());
                change.put("actionLabel", a.action().label());
                change.put("target", a.targetLabel());
                change.put("clauseId", Clause.idOf(supplement.id(), a.clauseOrdinal()));
                change.put("text", a.excerpt());
                changes.computeIfAbsent(a.targetKey(), k -> new ArrayList<>()).add(change);
            }
        }
        for (List<Map<String, Object>> list : changes.values()) {
            list.sort(Comparator.comparing(m -> m.get("date") == null ? "9999" : m.get("date").toString()));
        }
        List<Map<String, Object>> clauses = new ArrayList<>();
        Set<String> matched = new java.util.HashSet<>();
        for (Clause c : catalog.clauses(contract.id())) {
            if (!c.searchable()) {
                continue;
            }
            Map<String, Object> json = DocumentRoutes.clauseJson(contract.id(), c);
            String key = Amendment.keyOf(c.role(), c.numberValue());
            List<Map<String, Object>> amendments = key == null ? List.of() : changes.getOrDefault(key, List.of());
            if (!amendments.isEmpty()) {
                matched.add(key);
            }
            json.put("amendments", amendments);
            clauses.add(json);
        }
        body.put("clauses", clauses);
        List<Map<String, Object>> added = new ArrayList<>();
        for (var entry : changes.entrySet()) {
            if (!matched.contains(entry.getKey())) {
                added.addAll(entry.getValue());
            }
        }
        body.put("addedClauses", added);
        ctx.json(body);
    }

    private Map<String, Object> member(DocumentRecord doc, LinkRecord link) {
        Map<String, Object> json = DocumentRoutes.summary(doc);
        DocumentFacts facts = Families.factsOf(doc);
        LocalDate date = facts == null ? null : facts.date();
        json.put("date", date);
        json.put("relation", link == null ? "contract" : link.relation());
        json.put("reason", link == null ? null : link.reason());
        json.put("confidence", link == null ? null : link.confidence());
        json.put("origin", link == null ? null : link.origin());
        return json;
    }

    private void assign(Context ctx) throws IOException {
        DocumentRecord doc = find(ctx.pathParam("id"));
        JsonNode body = Json.MAPPER.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        String contractId = body.path("contractId").asText(null);
        if (contractId == null || !DOCUMENT_ID.matcher(contractId).matches()) {
            throw ApiException.badRequest("bad_parameter", "请求体应为 {\"contractId\": \"<16 位合同文档编号>\"}。");
        }
        DocumentRecord contract = find(contractId);
        if (!DocumentKind.CONTRACT.code().equals(contract.kind())) {
            throw ApiException.badRequest("not_a_contract", "文档 " + contractId + " 不是合同，不能作为合同族的根。");
        }
        if (contract.id().equals(doc.id())) {
            throw ApiException.badRequest("self_link", "文档不能关联到自身。");
        }
        links.setByStaff(doc.id(), contract.id(), FamilyLink.relationFor(DocumentKind.parse(doc.kind())), null);
        families.reindex(Set.of(doc.id()));
        ctx.json(familyOf(doc.id()));
    }

    private void confirm(Context ctx) throws IOException {
        DocumentRecord doc = find(ctx.pathParam("id"));
        LinkRecord current = links.linksTo(doc.id()).stream().filter(l -> !FamilyLinks.REJECTED.equals(l.origin())).findFirst()
                .orElseThrow(() -> new ApiException(409, "no_link", "文档 " + doc.id() + " 没有关联的合同，无可确认。"));
        links.setByStaff(doc.id(), current.fromId(), current.relation(), null);
        ctx.json(familyOf(doc.id()));
    }

    private void remove(Context ctx) throws IOException {
        DocumentRecord doc = find(ctx.pathParam("id"));
        links.removeByStaff(doc.id())
                .orElseThrow(() -> new ApiException(409, "no_link", "文档 " + doc.id() + " 没有关联的合同，无可移除。"));
        families.reindex(Set.of(doc.id()));
        ctx.json(familyOf(doc.id()));
    }

    private Map<String, Object> familyOf(String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documentId", id);
        json.put("family", DocumentRoutes.family(catalog, links, id));
        return json;
    }

    private DocumentRecord find(String id) {
        if (id == null || !DOCUMENT_ID.matcher(id).matches()) {
            throw ApiException.notFound("文档编号「" + id + "」格式不正确（应为 16 位十六进制）。");
        }
        return catalog.find(id).filter(d -> d.deletedAt() == null)
                .orElseThrow(() -> ApiException.notFound("找不到文档 " + id + "。"));
    }
}
