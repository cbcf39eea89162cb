package org.hetong.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chinese analysis, precedents, diffs, suggestions and export through the API over the sample archive. */
class SearchFeaturesIT {
    private static SampleServer server;

    @BeforeAll
    static void start() {
        server = SampleServer.get();
    }

    private static JsonNode search(String query) throws Exception {
        return Http.json(Http.get(server.url("/api/search?size=50&q=" + Http.encode(query))));
    }

    @Test
    void aTraditionalScriptQueryFindsSimplifiedTextWithHighlights() throws Exception {
        JsonNode result = search("智慧財產權");
        assertTrue(result.get("total").asInt() > 0, result.toString());
        JsonNode first = result.get("hits").get(0);
        assertEquals("知识产权", first.get("clauseType").asText());
        assertTrue(first.get("highlight").asText().contains("<mark>知识产权</mark>"), first.get("highlight").asText());
    }

    @Test
    void aTermInsideALongerLegalTermIsFoundAndOnlyItIsHighlighted() throws Exception {
        // The licence says 软件著作权登记号; 著作權 (traditional) finds it and marks 著作权 alone, not the whole term.
        JsonNode result = search("著作權");
        JsonNode licence = null;
        for (JsonNode hit : result.get("hits")) {
            if (hit.get("text").asText().contains("软件著作权登记号")) {
                licence = hit;
            }
        }
        assertNotNull(licence, "no hit with 软件著作权登记号 among " + result);
        String highlight = licence.get("highlight").asText();
        assertTrue(highlight.contains("软件<mark>著作权</mark>登记号"), highlight);
    }

    @Test
    void aQuotedPhraseMatchesOnlyAsWritten() throws Exception {
        JsonNode result = search("\"逾期交付\"");
        assertTrue(result.get("total").asInt() > 0);
        for (JsonNode hit : result.get("hits")) {
            assertTrue(hit.get("text").asText().replaceAll("[“”《》]", "").contains("逾期交付"), hit.get("text").asText());
        }
    }

    @Test
    void aSynonymFindsTheOtherWording() throws Exception {
        JsonNode result = search("竞业禁止");
        assertTrue(result.get("total").asInt() > 0, "the sample's 竞业限制 clause is found by 竞业禁止");
        assertTrue(result.get("hits").get(0).get("text").asText().contains("竞业限制"));
    }

    @Test
    void aSearchWithTooFewFullMatchesIsRelaxedAndSaysSo() throws Exception {
        JsonNode common = search("乙方");
        assertTrue(common.get("total").asInt() >= 20, common.get("total").toString());
        assertFalse(common.get("relaxed").asBoolean(), "enough clauses have 乙方 as written");

        JsonNode synonym = search("竞业禁止"); // found as 竞业限制; relaxing (no pairs for a replaced word) adds nothing
        assertTrue(synonym.get("total").asInt() > 0, synonym.toString());
        assertFalse(synonym.get("relaxed").asBoolean(), "a relaxed search that found nothing more is not reported");

        assertEquals(common.get("total").asLong(), common.get("fullMatches").asLong(), "unrelaxed, every match is a full one");

        JsonNode rare = search("付款节点"); // no clause says 节点 near 付款
        assertTrue(rare.get("relaxed").asBoolean(), rare.toString());
        assertTrue(rare.get("total").asInt() > 0, rare.toString());
        assertEquals(0, rare.get("fullMatches").asInt(), "none has the word as written");
        for (JsonNode hit : rare.get("hits")) {
            String text = hit.get("text").asText();
            assertTrue(text.contains("付款") || text.contains("款节") || text.contains("节点"), text);
        }
    }

    @Test
    void aFilteredSearchRelaxedToCharactersSaysHowManyMatchedAsWrittenAndRanksThemFirst() throws Exception {
        JsonNode result = search("期限 type:违约责任"); // 2 breach clauses say 期限, more say 逾期
        assertTrue(result.get("relaxed").asBoolean(), result.toString());
        int full = result.get("fullMatches").asInt();
        assertTrue(full > 0 && full < result.get("total").asInt(), result.toString());
        JsonNode hits = result.get("hits");
        for (int i = 0; i < hits.size(); i++) {
            String text = hits.get(i).get("text").asText();
            assertEquals("违约责任", hits.get(i).get("clauseType").asText(), "the filter holds for partial matches too");
            if (i < full) {
                assertTrue(text.contains("期限"), "full matches first: " + text);
            } else {
                assertFalse(text.contains("期限"), "then the partial ones: " + text);
            }
        }
    }

    @Test
    void arabicAndChineseArticleNumbersMeet() throws Exception {
        assertEquals(search("\"第十四条\"").get("total").asInt(), search("\"第14条\"").get("total").asInt());
        assertTrue(search("\"第14条\"").get("total").asInt() > 0);
    }

    @Test
    void aWordWhosePartsAreApartStillFindsTheClause() throws Exception {
        JsonNode result = search("赔偿责任上限");
        assertTrue(result.get("total").asInt() > 0, result.toString());
        List<String> types = new ArrayList<>();
        result.get("hits").forEach(h -> types.add(h.get("clauseType").asText()));
        assertTrue(types.subList(0, Math.min(3, types.size())).contains("责任限制"), types.toString());
    }

    @Test
    void precedentsComeFromOtherContractsAndDiffAgainstTheClause() throws Exception {
        JsonNode hit = search("type:保密 保密").get("hits").get(0);
        String clause = hit.get("clauseId").asText();
        JsonNode similar = Http.json(Http.get(server.url("/api/clauses/" + clause + "/similar?size=5")));
        assertTrue(similar.get("similar").size() > 0);
        for (JsonNode s : similar.get("similar")) {
            assertNotEquals(hit.get("documentId").asText(), s.get("documentId").asText());
            if (hit.get("contractId").isTextual()) {
                assertNotEquals(hit.get("contractId").asText(), s.get("contractId").asText(), "other families only by default");
            }
        }
        assertEquals("保密", similar.get("similar").get(0).get("clauseType").asText(), "the same kind of clause first");
        String other = similar.get("similar").get(0).get("clauseId").asText();
        JsonNode diff = Http.json(Http.get(server.url("/api/diff?a=" + clause + "&b=" + other)));
        StringBuilder left = new StringBuilder();
        diff.get("runs").forEach(r -> {
            if (!r.get("op").asText().equals("insert")) {
                left.append(r.get("text").asText());
            }
        });
        assertEquals(diff.get("a").get("text").asText(), left.toString(), "the runs rebuild the first clause");
        assertTrue(diff.get("similarity").asDouble() > 0 && diff.get("similarity").asDouble() < 1);
        assertEquals(404, Http.get(server.url("/api/clauses/0000000000000000-1/similar")).statusCode());
        assertEquals(400, Http.get(server.url("/api/diff?a=x&b=y")).statusCode());
    }

    @Test
    void suggestionsOfferHeadingsAndTermsAsYouType() throws Exception {
        JsonNode s = Http.json(Http.get(server.url("/api/suggest?q=" + Http.encode("保"))));
        List<String> texts = new ArrayList<>();
        s.get("suggestions").forEach(x -> texts.add(x.get("text").asText()));
        assertTrue(texts.contains("保密"), texts.toString());
        assertEquals(0, Http.json(Http.get(server.url("/api/suggest?q="))).get("suggestions").size());
    }

    @Test
    void theResultListExportsToAWorkbook() throws Exception {
        var response = Http.get(server.url("/api/search/export.xlsx?q=" + Http.encode("保密")));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("条款编号", sheet.getRow(1).getCell(3).getStringCellValue());
            int rows = sheet.getLastRowNum() - 1;
            assertEquals(search("保密").get("total").asInt(), rows, "every matching clause, ungrouped");
            assertFalse(sheet.getRow(2).getCell(8).getStringCellValue().isBlank());
        }
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheCache() throws Exception {
        JsonNode before = Http.json(Http.get(server.url("/api/health"))).get("caches").get("searchResults");
        search("不可抗力 通知");
        search("不可抗力 通知");
        JsonNode after = Http.json(Http.get(server.url("/api/health"))).get("caches").get("searchResults");
        assertTrue(after.get("hits").asLong() > before.get("hits").asLong(), after.toString());
    }
}
