package org.hetong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.IndexedClause;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.understand.ClauseTaxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How clauses rank for particular kinds of query, on a real index with the taxonomy of index-config. */
class SearchRankingTest {
    private static final IndexAnalyzers ANALYZERS = new IndexAnalyzers(ConfigFiles.fromDirectory(Path.of("index-config")));

    @TempDir
    Path temp;

    private static IndexedClause clause(String id, String type, String text) {
        return new IndexedClause(id, id, id, "contract", "合同" + id, id + ".docx", null, null, 1, "clause", null, type, null,
                List.of(), 2024, null, List.of(), text);
    }

    @Test
    void aRelaxedSearchRanksEveryFullMatchAboveWhatOnlyRelaxingFound() throws Exception {
        try (LuceneClauseIndex index = new LuceneClauseIndex(temp.resolve("index"), ANALYZERS)) {
            // Parts of 责任限制 near each other, in a clause of another type: a full match (all parts near).
            index.replace("full", List.of(clause("full", "违约责任",
                    "乙方承担的赔偿责任以本合同总价为限，但故意或重大过失造成的损失不受此限制。")));
            // The type the word names, but only one character pair of it (责任): found only by relaxing.
            index.replace("pair0", List.of(clause("pair0", "责任限制", "因甲方原因造成的损失由甲方自行承担责任，乙方不承担责任。")));
            index.replace("pair1", List.of(clause("pair1", "责任限制", "风险责任：研究开发失败的，双方各自承担已投入的费用。")));
            index.commit();
            SearchService search = new SearchService(index, ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config"))));
            SearchResult result = search.search(new SearchRequest("责任限制", null, null, null, null, null, null, null, 1, 10, null));
            assertTrue(result.relaxed(), "one full match is fewer than " + SearchService.RELAX_BELOW);
            List<String> order = result.hits().stream().map(SearchHit::clauseId).toList();
            assertTrue(order.size() >= 2 && order.contains("pair0"), "relaxing found the clauses of the named type: " + order);
            assertEquals("full", order.get(0), "the full match first, though the others are of the type the word names: " + order);
        }
    }

    @Test
    void aShortWordUnderAFilterAlsoFindsTheFilteredClausesThatHaveOneOfItsCharacters() throws Exception {
        try (LuceneClauseIndex index = new LuceneClauseIndex(temp.resolve("index"), ANALYZERS)) {
            index.replace("asWritten", List.of(clause("asWritten", "保密", "保密期限为本合同终止后三年。")));
            index.replace("otherwise", List.of(clause("otherwise", "保密", "本条保密义务在合同有效期内及终止后持续有效。")));
            index.replace("neither", List.of(clause("neither", "保密", "双方应对对方的商业秘密承担保密义务。")));
            index.replace("otherType", List.of(clause("otherType", "违约责任", "逾期付款的，在有效期内按日支付违约金。")));
            index.commit();
            SearchService search = new SearchService(index, ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config"))));
            SearchResult filtered = search.search(new SearchRequest("期限 type:保密", null, null, null, null, null, null, null, 1, 10, null));
            List<String> order = filtered.hits().stream().map(SearchHit::clauseId).toList();
            assertTrue(filtered.relaxed(), order.toString());
            assertEquals(List.of("asWritten", "otherwise"), order, "the word as written first, then 期 of 有效期; not the other type");

            SearchResult unfiltered = search.search(new SearchRequest("期限", null, null, null, null, null, null, null, 1, 10, null));
            assertEquals(List.of("asWritten"), unfiltered.hits().stream().map(SearchHit::clauseId).toList(),
                    "without a filter a single character is too common to relax on");
        }
    }

    private static IndexedClause article(String doc, String heading, String text) {
        return new IndexedClause(doc + "-9", doc, doc, "contract", "合同" + doc, doc + ".docx", "第九条", 9, 9, "clause",
                heading, null, null, List.of(), 2024, null, List.of(), text);
    }

    @Test
    void theArticlesWithTheParagraphComeFirstHoweverLongTheirHeadings() throws Exception {
        try (LuceneClauseIndex index = new LuceneClauseIndex(temp.resolve("index"), ANALYZERS)) {
            // Without a heading, an article's number alone is a short heading field, which BM25 would rank first.
            index.replace("a", List.of(article("a", null, "第九条 甲方应在收到发票后十五日内支付服务费。")));
            index.replace("b", List.of(article("b", "乙方的权利和义务及其他约定事项",
                    "第九条 乙方的权利和义务及其他约定事项\n1. 乙方应按期完成开发。\n2. 乙方应遵守甲方的管理制度。\n"
                            + "3. 乙方应派驻工程师不少于两名。")));
            index.replace("c", List.of(article("c", "验收", "第九条 验收\n（一）甲方组织初验。\n（二）初验合格后进入试运行。")));
            index.replace("d", List.of(article("d", "乙方义务与项目人员的安排", "第九条 乙方义务与项目人员的安排\n"
                    + "（一）乙方应指定项目经理。\n（二）乙方不得擅自更换项目经理。\n（三）乙方人员应遵守保密规定。")));
            // Other articles, whose numbers and lists make 第 and 条, 3 and 三 common words, as in a real archive.
            String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "十", "十一", "十二", "十三"};
            for (int i = 0; i < numbers.length; i++) {
                String number = "第" + numbers[i] + "条";
                index.replace("o" + i, List.of(new IndexedClause("o" + i + "-1", "o" + i, "o" + i, "contract", "合同o" + i,
                        "o" + i + ".docx", number, i + 1, 1, "clause", "通知与送达", null, null, List.of(), 2024, null, List.of(),
                        number + " 通知与送达\n1. 通知应以书面形式送达。\n2. 对方应在3个工作日内确认。\n3. 地址变更应提前三日告知。")));
            }
            index.commit();
            SearchService search = new SearchService(index);
            for (String reference : List.of("第9条第3款", "第九条第三款")) {
                SearchResult result = search.search(new SearchRequest(reference, null, null, null, null, null, null, null, 1, 10, null));
                List<String> order = result.hits().stream().map(SearchHit::clauseId).toList();
                assertEquals(List.of("a-9", "b-9", "c-9", "d-9"), order.subList(0, 4).stream().sorted().toList(),
                        reference + ": the articles 9 first: " + order);
                assertEquals(List.of("b-9", "d-9"), order.subList(0, 2).stream().sorted().toList(),
                        reference + ": the articles with a third paragraph first: " + order);
            }
        }
    }
}
