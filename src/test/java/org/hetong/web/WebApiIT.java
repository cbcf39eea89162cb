package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hetong.ingest.ImportItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API of a real server on loopback over a real index of the sample archive. */
class WebApiIT {
    /** Escaped text in which only mark tags appear. */
    private static final Pattern ONLY_MARK_TAGS = Pattern.compile("(?:[^<>]|<mark>|</mark>)*");
    private static SampleServer server;

    @BeforeAll
    static void start() {
        server = SampleServer.get();
    }

    @Test
    void everySampleFileIsStoredWithoutFailure() {
        List<String> failed = server.imported.stream().filter(ImportItem::isFailed).map(i -> i.name() + ": " + i.error()).toList();
        assertEquals(List.of(), failed);
        assertTrue(server.imported.size() >= 23, "19 files, 3 ZIP entries and a mail attachment: " + server.imported.size());
    }

    @Test
    void searchingConfidentialityReturnsTheConfidentialityClausesWithMarks() throws Exception {
        JsonNode result = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("保密") + "&size=50")));
        assertTrue(result.get("total").asLong() >= 5, result.toString());
        List<String> confidentialityDocs = new ArrayList<>();
        for (JsonNode hit : result.get("hits")) {
            String highlight = hit.get("highlight").asText();
            assertTrue(ONLY_MARK_TAGS.matcher(highlight).matches(), "only <mark> tags in " + highlight);
            if ("保密".equals(hit.get("clauseType").asText())) {
                assertTrue(highlight.contains("<mark>保密</mark>"), highlight);
                confidentialityDocs.add(hit.get("documentTitle").asText());
            }
        }
        assertTrue(confidentialityDocs.stream().anyMatch(t -> t.contains("智慧政务服务平台") && t.endsWith("软件开发合同")), confidentialityDocs.toString());
        assertTrue(confidentialityDocs.stream().anyMatch(t -> t.contains("运维服务合同")), confidentialityDocs.toString());
        assertTrue(confidentialityDocs.stream().anyMatch(t -> t.contains("软件许可协议")), confidentialityDocs.toString());
        JsonNode first = result.get("hits").get(0);
        assertEquals("保密", first.get("clauseType").asText(), "the best hit is a confidentiality clause: " + first);
    }

    @Test
    void aSearchHitCarriesItsClauseNumberHeadingAndWholeText() throws Exception {
        JsonNode result = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("知识产权") + "&kind=contract")));
        JsonNode hit = null;
        for (JsonNode h : result.get("hits")) {
            if (hit == null && h.get("documentTitle").asText().endsWith("软件开发合同")) {
                hit = h; // the contract's best hit: its IP article ranks above the liability article citing IP
            }
        }
        assertNotNull(hit, "the development contract's IP clause is found: " + result);
        assertEquals("第十三条", hit.get("number").asText());
        assertEquals("知识产权", hit.get("heading").asText());
        assertEquals("知识产权", hit.get("clauseType").asText());
        assertEquals("contract", hit.get("kind").asText());
        assertTrue(hit.get("text").asText().startsWith("第十三条"), hit.get("text").asText());
        assertFalse(hit.get("text").asText().contains("<mark>"), "text is plain");
        for (JsonNode h : result.get("hits")) {
            assertEquals("contract", h.get("kind").asText(), "kind filter holds");
        }
    }

    @Test
    void searchReturnsFacetsWithCounts() throws Exception {
        JsonNode result = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("违约金"))));
        JsonNode facets = result.get("facets");
        for (String dim : List.of("clauseType", "kind", "party", "year")) {
            assertTrue(facets.has(dim), dim);
        }
        long kindTotal = 0;
        for (JsonNode v : facets.get("kind")) {
            kindTotal += v.get("count").asLong();
        }
        assertEquals(result.get("total").asLong(), kindTotal, "every hit has exactly one kind");
        assertTrue(facets.get("party").size() > 0, facets.toString());
    }

    @Test
    void aTextInGbkIsSearchableInChinese() throws Exception {
        JsonNode result = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("停机窗口"))));
        assertTrue(result.get("total").asLong() > 0, result.toString());
        boolean fromGbkLetter = false;
        for (JsonNode hit : result.get("hits")) {
            fromGbkLetter |= hit.get("documentTitle").asText().contains("停机窗口");
        }
        assertTrue(fromGbkLetter, "the GBK letter is found: " + result);
    }

    @Test
    void aDocumentReturnsItsFieldsAndClauses() throws Exception {
        String id = server.documentIdOf("01-江临市智慧政务平台开发/软件开发合同-HT-2023-0417.docx");
        JsonNode doc = Http.json(Http.get(server.url("/api/documents/" + id)));
        assertEquals(id, doc.get("documentId").asText());
        assertEquals("contract", doc.get("kind").asText());
        assertEquals("indexed", doc.get("status").asText());
        assertEquals("HT-2023-0417", doc.get("fields").get("contractNumber").asText());
        assertEquals("2023-05-08", doc.get("fields").get("signDate").asText());
        List<String> parties = new ArrayList<>();
        doc.get("fields").get("parties").forEach(p -> parties.add(p.get("role").asText() + "=" + p.get("name").asText()));
        assertTrue(parties.contains("甲方=江临市数据资源管理局"), parties.toString());
        JsonNode confidentiality = null;
        for (JsonNode clause : doc.get("clauses")) {
            if ("第十四条".equals(clause.get("number").asText())) {
                confidentiality = clause;
            }
        }
        assertNotNull(confidentiality, "第十四条 is among the clauses");
        assertEquals("保密", confidentiality.get("heading").asText());
        assertEquals("保密", confidentiality.get("clauseType").asText());
    }

    @Test
    void theOriginalComesBackByteForByteWithItsName() throws Exception {
        String name = "01-江临市智慧政务平台开发/第一补充协议-HT-2023-0417-BC01.pdf";
        var response = Http.get(server.url("/api/documents/" + server.documentIdOf(name) + "/original"));
        assertEquals(200, response.statusCode());
        assertArrayEquals(Files.readAllBytes(Path.of("sample-docs", name)), response.body());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.contains("filename*=UTF-8''" + Http.encode("第一补充协议-HT-2023-0417-BC01.pdf").replace("+", "%20")), disposition);
    }

    @Test
    void theTextIsPlainUtf8() throws Exception {
        var response = Http.get(server.url("/api/documents/" + server.documentIdOf("03-第一人民医院信息系统运维/关于HIS系统版本升级停机窗口的通知函.txt") + "/text"));
        assertEquals(200, response.statusCode());
        assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""));
        assertTrue(Http.text(response).contains("停机"), Http.text(response));
    }

    @Test
    void aMailLinksToItsAttachmentAndAZipToItsEntries() throws Exception {
        JsonNode mail = Http.json(Http.get(server.url("/api/documents/" + server.documentIdOf("03-第一人民医院信息系统运维/邮件-2024年8月运维月报.eml"))));
        assertEquals("correspondence", mail.get("kind").asText());
        List<JsonNode> attachments = new ArrayList<>();
        mail.get("links").forEach(l -> {
            if (l.get("relation").asText().equals("attachment")) {
                attachments.add(l);
            }
        });
        assertEquals(1, attachments.size(), mail.get("links").toString());
        assertEquals("out", attachments.get(0).get("direction").asText());
        assertEquals(server.documentIdOf("03-第一人民医院信息系统运维/邮件-2024年8月运维月报.eml!/2024年8月运维服务月度报告.docx"),
                attachments.get(0).get("documentId").asText());

        JsonNode zip = Http.json(Http.get(server.url("/api/documents/" + server.documentIdOf("02-星图数据库软件许可/BX-LIC-2024-0032-变更资料.zip"))));
        List<String> entries = new ArrayList<>();
        zip.get("links").forEach(l -> {
            if (l.get("relation").asText().equals("entry")) {
                entries.add(l.get("relation").asText() + ":" + l.get("name").asText());
            }
        });
        assertEquals(3, entries.size(), entries.toString());
        assertTrue(entries.contains("entry:变更资料/附件-许可范围清单（变更后）.txt"), entries.toString());
    }

    @Test
    void documentsAreListedWithTotal() throws Exception {
        JsonNode list = Http.json(Http.get(server.url("/api/documents?size=5")));
        assertEquals(server.imported.size(), list.get("total").asLong());
        assertEquals(5, list.get("documents").size());
        JsonNode contracts = Http.json(Http.get(server.url("/api/documents?kind=contract&size=50")));
        assertEquals(5, contracts.get("total").asLong(), contracts.toString());
    }

    @Test
    void aMalformedQueryGetsAHelpfulMessageNotAServerError() throws Exception {
        var response = Http.get(server.url("/api/search?q=" + Http.encode("\"不可抗力")));
        assertEquals(400, response.statusCode());
        JsonNode body = Http.json(response);
        assertEquals("query_syntax", body.get("code").asText());
        assertTrue(body.get("error").asText().contains("引号"), body.toString());

        var unknownFilter = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("foo:bar"))));
        assertTrue(unknownFilter.get("error").asText().contains("未知的筛选字段"), unknownFilter.toString());

        var badPage = Http.get(server.url("/api/search?q=x&page=abc"));
        assertEquals(400, badPage.statusCode());
        assertTrue(Http.json(badPage).get("error").asText().contains("page"));
    }

    @Test
    void unknownDocumentsAndRoutesAreJson404s() throws Exception {
        var missing = Http.get(server.url("/api/documents/0000000000000000"));
        assertEquals(404, missing.statusCode());
        assertTrue(Http.json(missing).get("error").asText().contains("找不到文档"));
        var malformed = Http.get(server.url("/api/documents/..%2F..%2Fetc%2Fpasswd/original"));
        assertEquals(404, malformed.statusCode());
        var route = Http.get(server.url("/api/nothing-here"));
        assertEquals(404, route.statusCode());
        assertEquals("not_found", Http.json(route).get("code").asText());
    }

    @Test
    void healthReportsCounts() throws Exception {
        JsonNode health = Http.json(Http.get(server.url("/api/health")));
        assertEquals("ok", health.get("status").asText());
        assertEquals(server.imported.size(), health.get("documents").asLong());
        assertEquals(health.get("clauses").asLong(), health.get("indexedClauses").asLong());
    }

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        var page = Http.get(server.url("/"));
        assertEquals(200, page.statusCode());
        assertTrue(Http.text(page).contains("search-form"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void aContractFamilyShowsItsSupplementsCorrespondenceAndAmendedClauses() throws Exception {
        String contract = server.documentIdOf("01-江临市智慧政务平台开发/软件开发合同-HT-2023-0417.docx");
        JsonNode family = Http.json(Http.get(server.url("/api/contracts/" + contract)));
        List<String> relations = new ArrayList<>();
        family.get("documents").forEach(d -> relations.add(d.get("relation").asText()));
        assertEquals(1, relations.stream().filter("contract"::equals).count());
        assertEquals(2, relations.stream().filter("supplement"::equals).count(), relations.toString());
        assertEquals(4, relations.stream().filter("correspondence"::equals).count(), relations.toString());
        JsonNode fifth = null;
        for (JsonNode clause : family.get("clauses")) {
            if ("第五条".equals(clause.get("number").asText())) {
                fifth = clause;
            }
        }
        assertNotNull(fifth);
        JsonNode amendment = fifth.get("amendments").get(0);
        assertEquals("modify", amendment.get("action").asText());
        assertEquals(server.documentIdOf("01-江临市智慧政务平台开发/第一补充协议-HT-2023-0417-BC01.pdf"), amendment.get("documentId").asText());
        assertEquals("2023-11-20", amendment.get("date").asText());
        assertTrue(amendment.get("text").asText().contains("2024"), amendment.toString());
        List<String> added = new ArrayList<>();
        family.get("addedClauses").forEach(a -> added.add(a.get("action").asText() + " " + a.get("target").asText()));
        assertTrue(added.contains("add 第二十四条"), added.toString());
        // The first supplement also moves a date in the contract's 附件二 (项目实施计划): shown on that appendix.
        JsonNode plan = null;
        for (JsonNode clause : family.get("clauses")) {
            if ("附件二".equals(clause.get("number").asText())) {
                plan = clause;
            }
        }
        assertNotNull(plan, "附件二 among the contract's clauses");
        assertEquals(1, plan.get("amendments").size(), plan.toString());
        assertEquals("附件二", plan.get("amendments").get(0).get("target").asText());
        assertTrue(plan.get("amendments").get(0).get("text").asText().contains("项目实施计划"), plan.toString());
        assertTrue(added.stream().noneMatch(a -> a.contains("附件")), added.toString());
    }

    @Test
    void aSupplementSaysWhichContractItBelongsToAndWhy() throws Exception {
        JsonNode doc = Http.json(Http.get(server.url("/api/documents/"
                + server.documentIdOf("01-江临市智慧政务平台开发/第二补充协议-HT-2023-0417-BC02.docx"))));
        assertEquals(server.documentIdOf("01-江临市智慧政务平台开发/软件开发合同-HT-2023-0417.docx"), doc.get("family").get("contractId").asText());
        assertEquals("supplement", doc.get("family").get("relation").asText());
        assertEquals("auto", doc.get("family").get("origin").asText());
        assertTrue(doc.get("family").get("reason").asText().contains("HT-2023-0417"), doc.toString());
    }

    @Test
    void staffCanRemoveMoveAndConfirmAFamilyLink() throws Exception {
        String letter = server.documentIdOf("05-鹭洲优选推荐算法技术服务/关于暂停测试数据接口访问权限的通知.pdf");
        String own = server.documentIdOf("05-鹭洲优选推荐算法技术服务/技术服务合同-QH-JF-2024-0027.txt");
        String other = server.documentIdOf("04-南湾港数据中心设备采购集成/数据中心机房设备采购及系统集成合同-NWG-CG-2023-0913.html");
        assertEquals(own, Http.json(Http.get(server.url("/api/documents/" + letter))).get("family").get("contractId").asText());

        assertEquals(200, send("DELETE", "/api/documents/" + letter + "/contract", null).statusCode());
        assertTrue(Http.json(Http.get(server.url("/api/documents/" + letter))).get("family").isNull());
        server.services.families.relink();
        assertTrue(Http.json(Http.get(server.url("/api/documents/" + letter))).get("family").isNull(),
                "a link a person removed is not made again");

        var put = send("PUT", "/api/documents/" + letter + "/contract", "{\"contractId\":\"" + other + "\"}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode moved = Http.json(Http.get(server.url("/api/documents/" + letter)));
        assertEquals(other, moved.get("family").get("contractId").asText());
        assertEquals("staff", moved.get("family").get("origin").asText());
        JsonNode inOther = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("测试数据接口") + "&contract=" + other)));
        assertTrue(inOther.get("total").asInt() > 0, "the contract filter follows the staff's choice");
        inOther.get("hits").forEach(h -> assertEquals(letter, h.get("documentId").asText()));
        server.services.families.relink();
        assertEquals(other, Http.json(Http.get(server.url("/api/documents/" + letter))).get("family").get("contractId").asText(),
                "automatic linking never overrides a person's choice");

        assertEquals(200, send("PUT", "/api/documents/" + letter + "/contract", "{\"contractId\":\"" + own + "\"}").statusCode());
        assertEquals(own, Http.json(Http.get(server.url("/api/documents/" + letter))).get("family").get("contractId").asText());
        assertEquals(400, send("PUT", "/api/documents/" + letter + "/contract", "{\"contractId\":\"" + letter + "\"}").statusCode(),
                "only a contract can head a family");
    }

    private static java.net.http.HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                .header("Authorization", org.hetong.testing.TestAccounts.admin())
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void risksAreShownFacetedAndFilterable() throws Exception {
        String license = server.documentIdOf("02-星图数据库软件许可/软件许可协议-BX-LIC-2024-0032.pdf");
        JsonNode doc = Http.json(Http.get(server.url("/api/documents/" + license)));
        List<String> codes = new ArrayList<>();
        doc.get("risks").forEach(r -> codes.add(r.get("code").asText()));
        assertTrue(codes.contains("auto-renewal"), codes.toString());
        JsonNode filtered = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("许可") + "&risk=" + Http.encode("自动续期"))));
        assertTrue(filtered.get("total").asInt() > 0);
        for (JsonNode hit : filtered.get("hits")) {
            assertEquals(license, hit.get("documentId").asText());
        }
        JsonNode facets = Http.json(Http.get(server.url("/api/search?q=" + Http.encode("许可")))).get("facets");
        assertTrue(facets.get("risk").toString().contains("自动续期"), facets.toString());
        JsonNode list = Http.json(Http.get(server.url("/api/risks?risk=auto-renewal")));
        assertTrue(list.get("contracts").toString().contains(license), list.toString());
    }
}
