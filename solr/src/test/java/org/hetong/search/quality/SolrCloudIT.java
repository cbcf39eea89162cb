package org.hetong.search.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.search.QuerySyntaxException;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchResult;
import org.hetong.search.SimilarClauses;
import org.hetong.solr.SolrClauseIndex;
import org.hetong.solr.SolrSettings;
import org.hetong.solr.plugin.Configset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * hetong on a real in-process SolrCloud (ZooKeeper and two Solr nodes on loopback): the sample
 * archive (and ../shared/realdocs when present) imported once into the embedded index and once into
 * a collection of 2 shards × 2 replicas, then the same analysis, the same judged queries, facets,
 * highlights and precedents compared on both, and searches answered with one node stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {
    /** Scores this close count as a tie (float sums in another order on another machine). */
    private static final float TIE = 1e-4f;

    private Path work;
    private MiniSolrCloudCluster cluster;
    private RelevanceArchive embedded;
    private RelevanceArchive cloud;
    /** The development set and the held-out set: both must rank alike on both backends. */
    private List<JudgedQueries> judged;
    private List<String> collectionsBeforeRebuild;
    private List<String> urls;

    @BeforeAll
    void startClusterAndImportTheArchiveIntoBothBackends() throws Exception {
        work = Files.createTempDirectory("hetong-solrcloud");
        Path configset = Configset.write(ConfigFiles.fromDirectory(Path.of("index-config")), work.resolve("configset"));
        long started = System.nanoTime();
        cluster = new MiniSolrCloudCluster.Builder(2, work.resolve("cluster"))
                .addConfig("hetong", configset.resolve("conf"))
                .build();
        System.out.printf("SolrCloud with 2 nodes started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        urls = cluster.getJettySolrRunners().stream().map(j -> j.getBaseUrl().toString()).toList();

        embedded = RelevanceArchive.build(work.resolve("embedded"));
        System.setProperty(SolrSettings.BACKEND, "solr");
        System.setProperty("hetong.solr.urls", String.join(",", urls));
        System.setProperty("hetong.solr.shards", "2");
        System.setProperty("hetong.solr.replicas", "2");
        try {
            cloud = RelevanceArchive.build(work.resolve("cloud"));
        } finally {
            System.clearProperty(SolrSettings.BACKEND);
        }
        System.out.printf("archive imported: embedded %.1f s, SolrCloud %.1f s, %d clauses%n", embedded.buildMillis / 1000.0,
                cloud.buildMillis / 1000.0, embedded.units.size());
        // Imports re-index documents as families link up, and deleted versions still count in term statistics
        // until segments merge — differently in one index and in four replicas. A rebuild (into a new collection
        // behind the alias, on SolrCloud) leaves both with exactly the live clauses: equal statistics, equal scores.
        started = System.nanoTime();
        embedded.services.reindexer.rebuild(n -> {});
        long embeddedRebuild = System.nanoTime() - started;
        collectionsBeforeRebuild = collections();
        started = System.nanoTime();
        cloud.services.reindexer.rebuild(n -> {});
        System.out.printf("rebuilt: embedded %.1f s, SolrCloud (new collection, alias switched) %.1f s%n", embeddedRebuild / 1e9,
                (System.nanoTime() - started) / 1e9);
        judged = List.of(JudgedQueries.load(JudgedQueries.RESOURCE), JudgedQueries.load(JudgedQueries.HELD_OUT),
                JudgedQueries.load(JudgedQueries.HELD_OUT_2));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (cloud != null) {
                cloud.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        } finally {
            if (cluster != null) {
                cluster.shutdown();
            }
        }
    }

    @Test
    @Order(1)
    void bothBackendsHoldTheSameClauses() throws IOException {
        assertEquals(embedded.services.index.clauseCount(), cloud.services.index.clauseCount());
        assertEquals(embedded.services.index.documentIds(), cloud.services.index.documentIds());
    }

    @Test
    @Order(1)
    void reindexWroteANewCollectionAndMovedTheAliasToIt() throws Exception {
        List<String> after = collections();
        assertEquals(1, collectionsBeforeRebuild.size(), collectionsBeforeRebuild.toString());
        assertEquals(1, after.size(), "the old collection is deleted: " + after);
        assertNotEquals(collectionsBeforeRebuild, after, "a new collection");
        assertTrue(after.get(0).startsWith("hetong_"), after.toString());
    }

    @Test
    @Order(1)
    void aContractFamilyLivesOnOneShardAndBothShardsHoldClauses() throws Exception {
        Map<String, Set<String>> familiesByShard = new TreeMap<>();
        try (HttpJdkSolrClient client = new HttpJdkSolrClient.Builder(cluster.getJettySolrRunner(0).getBaseUrl().toString()).useHttp1_1(true).build()) {
            for (String shard : List.of("shard1", "shard2")) {
                ModifiableSolrParams params = new ModifiableSolrParams();
                params.set("q", "*:*");
                params.set("rows", 0);
                params.set("shards", shard);
                params.set("facet", true);
                params.set("facet.field", "contractId");
                params.set("facet.limit", -1);
                params.set("facet.mincount", 1);
                QueryResponse response = new QueryRequest(params).process(client, "hetong");
                assertTrue(response.getResults().getNumFound() > 0, shard + " holds clauses");
                Set<String> families = new HashSet<>();
                response.getFacetField("contractId").getValues().forEach(v -> families.add(v.getName()));
                familiesByShard.put(shard, families);
            }
        }
        Set<String> onBoth = new HashSet<>(familiesByShard.get("shard1"));
        onBoth.retainAll(familiesByShard.get("shard2"));
        assertEquals(Set.of(), onBoth, "families split across shards");
        System.out.println("contract families per shard: shard1 " + familiesByShard.get("shard1").size() + ", shard2 "
                + familiesByShard.get("shard2").size());
    }

    @Test
    @Order(1)
    void aCollectionWhoseConfigsetCameFromOtherAnalysisFilesIsRefusedSayingWhatToDo() throws Exception {
        assertTrue(cloud.services.index.isAnalysisCurrent(), "written with the analysis in use");
        Path changed = Files.createDirectories(work.resolve("changed-index-config"));
        try (var files = Files.list(Path.of("index-config"))) {
            for (Path file : files.toList()) {
                Files.copy(file, changed.resolve(file.getFileName()));
            }
        }
        Files.writeString(changed.resolve("legal-terms.txt"), "\n星辰维护条款\n", java.nio.file.StandardOpenOption.APPEND);
        IndexAnalyzers other = new IndexAnalyzers(ConfigFiles.fromDirectory(changed));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SolrClauseIndex(new SolrSettings(urls, "hetong", "hetong", 2, 2), other).close());
        assertTrue(refused.getMessage().contains("重新生成并上传配置集"), refused.getMessage());
    }

    private List<String> collections() throws Exception {
        try (HttpJdkSolrClient client = new HttpJdkSolrClient.Builder(cluster.getJettySolrRunner(0).getBaseUrl().toString()).useHttp1_1(true).build()) {
            return CollectionAdminRequest.listCollections(client).stream().sorted().toList();
        }
    }

    @Test
    @Order(2)
    void solrSchemaChainsTokenizeExactlyLikeTheEmbeddedAnalyzers() throws Exception {
        IndexAnalyzers ours = new IndexAnalyzers(ConfigFiles.fromDirectory(Path.of("index-config")));
        Map<String, Analyzer> chains = Map.of("hetong_precise", ours.precise(), "hetong_precise_query", ours.preciseQuery(),
                "hetong_bigram", ours.bigram(), "hetong_parts", ours.parts());
        List<String> texts = List.of(
                "甲方应于2023年5月1日前支付人民币壹拾万元整（¥100,000.00），逾期按日万分之五支付违约金。",
                "乙方對本合同項下的智慧財產權負有保密義務，期限為三年。",
                "依照《中华人民共和国民法典》第五百八十五条，合同编号 HT-2023-001 的知识产权归属甲方。",
                "ＡＢＣ软件公司's licensing terms: The Licensee shall not sublicense the Software.",
                "“保密信息”是指「技术秘密」及商业秘密，竞业禁止期限不超过二年。");
        int compared = 0;
        try (HttpJdkSolrClient client = new HttpJdkSolrClient.Builder(cluster.getJettySolrRunner(0).getBaseUrl().toString()).useHttp1_1(true).build()) {
            for (var chain : chains.entrySet()) {
                for (String text : texts) {
                    FieldAnalysisRequest request = new FieldAnalysisRequest().setFieldTypes(List.of(chain.getKey())).setFieldValue(text);
                    FieldAnalysisResponse response = request.process(client, "hetong");
                    List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
                    response.getFieldTypeAnalysis(chain.getKey()).getIndexPhases().forEach(phases::add);
                    List<String> solr = new ArrayList<>();
                    int position = 0;
                    for (AnalysisResponseBase.TokenInfo t : phases.get(phases.size() - 1).getTokens()) {
                        solr.add(t.getText() + "@" + t.getPosition() + "[" + t.getStart() + "," + t.getEnd() + ")");
                    }
                    assertEquals(tokens(chain.getValue(), text), solr, chain.getKey() + ": " + text);
                    compared++;
                }
            }
        }
        System.out.println("token streams compared, all equal: " + compared + " (chain × text)");
    }

    @Test
    @Order(3)
    void judgedQueriesGiveTheSameResultsWithinTiesOnBothBackends() throws IOException, QuerySyntaxException {
        RelevanceReport lucene = new RelevanceReport("embedded", null, false);
        RelevanceReport solr = new RelevanceReport("solrcloud", null, false);
        int identical = 0;
        int withinTies = 0;
        long embeddedMillis = 0;
        long cloudMillis = 0;
        List<String> differing = new ArrayList<>();
        for (JudgedQueries set : judged) {
            JudgmentResolver resolver = new JudgmentResolver(embedded, set);
            assertEquals(List.of(), resolver.errors, "every judged clause must exist in the archive");
            for (JudgmentResolver.ResolvedQuery q : resolver.queries) {
                if (q.relevant() == 0) {
                    continue;
                }
                SearchRequest request = new SearchRequest(q.query().text(), null, null, null, null, null, 1, RelevanceReport.K, null);
                SearchResult a = embedded.services.search.search(request);
                SearchResult b = cloud.services.search.search(request);
                embeddedMillis += a.tookMs();
                cloudMillis += b.tookMs();
                lucene.rows.add(new RelevanceReport.Row(q, expanded(a), a.total(), List.of()));
                solr.rows.add(new RelevanceReport.Row(q, expanded(b), b.total(), List.of()));
                if (expanded(a).equals(expanded(b))) {
                    identical++;
                    withinTies++;
                } else if (a.total() == b.total() && sameWithinTies(a.hits(), b.hits())) {
                    withinTies++;
                } else {
                    differing.add(q.query().id() + " " + q.query().text() + "\n    embedded " + describe(a) + "\n    solrcloud " + describe(b));
                }
            }
        }
        int measured = lucene.rows.size();
        System.out.printf("judged queries (development and both held-out sets): %d; identical rankings %d, same within ties %d%n", measured, identical, withinTies);
        System.out.printf("embedded : P@10 %.3f  nDCG@10 %.3f%n", lucene.average(RelevanceReport.Row::hetongP),
                lucene.average(RelevanceReport.Row::hetongNdcg));
        System.out.printf("solrcloud: P@10 %.3f  nDCG@10 %.3f%n", solr.average(RelevanceReport.Row::hetongP),
                solr.average(RelevanceReport.Row::hetongNdcg));
        System.out.printf("time per query (first run, not cached): embedded %.1f ms, SolrCloud %.1f ms%n",
                (double) embeddedMillis / measured, (double) cloudMillis / measured);
        differing.forEach(d -> System.out.println("differs: " + d));
        // The behaviours QUALITY.md checks (traditional script, exact phrases, article numbers), on SolrCloud.
        List<SearchBehaviourChecks.Check> checks = new SearchBehaviourChecks(cloud.services.search, cloud).run();
        checks.forEach(c -> System.out.println("solrcloud " + (c.passed() ? "[ok]   " : "[FAIL] ") + c.name() + ": " + c.detail()));
        assertTrue(measured > 0, "no judged query measured");
        assertEquals(List.of(), checks.stream().filter(c -> !c.passed()).map(SearchBehaviourChecks.Check::name).toList());
        assertEquals(List.of(), differing, "queries whose results differ beyond ties");
        assertEquals(lucene.average(RelevanceReport.Row::hetongNdcg), solr.average(RelevanceReport.Row::hetongNdcg), 0.005);
    }

    @Test
    @Order(4)
    void facetsHighlightsFiltersAndPrecedentsAgree() throws IOException, QuerySyntaxException {
        int compared = 0;
        int shown = 0;
        for (String query : List.of("知识产权", "保密 期限", "\"不可抗力\"", "违约金 -逾期", "仲裁 OR 诉讼", "type:保密", "智慧財產權")) {
            for (String sort : List.of("relevance", "date")) {
                SearchRequest request = new SearchRequest(query, null, null, null, null, null, 1, 20, sort);
                SearchResult a = embedded.services.search.search(request);
                SearchResult b = cloud.services.search.search(request);
                assertEquals(a.total(), b.total(), query + " total");
                assertEquals(a.facets(), b.facets(), query + " facets");
                if (sort.equals("relevance")) {
                    assertTrue(sameWithinTies(a.hits(), b.hits()), query + ": same within ties\n" + describe(a) + "\n" + describe(b));
                }
                // Every clause both pages show is shown alike: fields, text, highlight, score.
                Map<String, SearchHit> lucene = new HashMap<>();
                a.hits().forEach(h -> lucene.put(h.clauseId(), h));
                for (SearchHit h : b.hits()) {
                    SearchHit l = lucene.get(h.clauseId());
                    if (l != null) {
                        assertEquals(withoutGroup(l), withoutGroup(withScore(h, l)), query + " " + h.clauseId());
                        compared++;
                    }
                }
                shown += a.hits().size();
            }
        }
        System.out.println("hits shown alike on both backends (fields, text, highlight, score): " + compared + " of " + shown);
        assertTrue(compared >= shown * 9 / 10, "hits compared: " + compared + " of " + shown);
        SearchResult typed = embedded.services.search.search(SearchRequest.of("保密"));
        String type = typed.hits().get(0).clauseType();
        SearchRequest filtered = new SearchRequest("期限", type, "contract", null, null, null, 1, 20, null);
        assertEquals(embedded.services.search.search(filtered).total(), cloud.services.search.search(filtered).total());

        String clause = typed.hits().get(0).clauseId();
        var lucene = embedded.services.similar.find(clause, 5, false).orElseThrow();
        var solr = cloud.services.similar.find(clause, 5, false).orElseThrow();
        assertFalse(solr.isEmpty(), "SolrCloud finds precedents");
        System.out.println("precedents of " + clause + ": embedded " + lucene.stream().map(s -> s.clause().clauseId()).toList()
                + ", solrcloud " + solr.stream().map(s -> s.clause().clauseId()).toList());
        // MoreLikeThis picks and weighs the clause's terms by the statistics of the index it runs on — each shard's
        // own on SolrCloud — so precedents can come in another order, and the last of five can differ: each
        // backend's best precedent is among the other's, and the lists share all but one.
        List<String> luceneIds = lucene.stream().map(s -> s.clause().clauseId()).toList();
        List<String> solrIds = solr.stream().map(s -> s.clause().clauseId()).toList();
        assertTrue(solrIds.contains(luceneIds.get(0)) && luceneIds.contains(solrIds.get(0)), "the best precedents");
        long shared = luceneIds.stream().filter(solrIds::contains).count();
        assertTrue(shared >= Math.min(luceneIds.size(), solrIds.size()) - 1, "precedents in common: " + shared);
    }

    @Test
    @Order(5)
    void searchesStillAnswerFromReplicasWithOneNodeStopped() throws Exception {
        List<SearchResult> before = new ArrayList<>();
        List<String> queries = List.of("知识产权", "保密", "违约责任", "验收");
        for (String q : queries) {
            before.add(cloud.services.search.search(new SearchRequest(q, null, null, null, null, null, 1, 10, "date")));
        }
        JettySolrRunner stopped = cluster.stopJettySolrRunner(0);
        cluster.waitForJettyToStop(stopped);
        System.out.println("stopped Solr node " + stopped.getBaseUrl());
        for (int i = 0; i < queries.size(); i++) {
            // page 2 of 5 is not cached: it really asks the surviving node
            SearchResult after = cloud.services.search.search(new SearchRequest(queries.get(i), null, null, null, null, null, 1, 10, "date"));
            assertEquals(before.get(i).total(), after.total(), queries.get(i));
            SearchResult fresh = cloud.services.search.search(new SearchRequest(queries.get(i), null, null, null, null, null, 2, 5, "date"));
            assertEquals(before.get(i).total(), fresh.total(), queries.get(i) + " (uncached)");
            assertEquals(expanded(before.get(i)).subList(5, Math.min(10, expanded(before.get(i)).size())).isEmpty(), fresh.hits().isEmpty());
        }
        assertEquals(embedded.services.index.clauseCount(), cloud.services.index.clauseCount(), "every clause still found");
    }

    /** The Solr hit with the embedded hit's score when the two are the same but for float rounding. */
    private static SearchHit withScore(SearchHit solr, SearchHit lucene) {
        return new SearchHit(solr.clauseId(), solr.documentId(), solr.contractId(), solr.documentTitle(), solr.fileName(), solr.kind(),
                solr.number(), solr.heading(), solr.clauseType(), solr.secondaryType(), solr.parties(), solr.year(), solr.text(),
                solr.highlight(), close(lucene.score(), solr.score()) ? lucene.score() : solr.score(), solr.similarCount(),
                solr.similarClauseIds(), solr.ocr());
    }

    /** A hit without its grouped template clauses, which tied clauses may lead in another order. */
    private static SearchHit withoutGroup(SearchHit h) {
        return new SearchHit(h.clauseId(), h.documentId(), h.contractId(), h.documentTitle(), h.fileName(), h.kind(), h.number(),
                h.heading(), h.clauseType(), h.secondaryType(), h.parties(), h.year(), h.text(), h.highlight(), h.score(), 0, List.of(),
                h.ocr());
    }

    /** The clauses of a page in order, each grouped hit followed by its template clauses (as the evaluation counts them). */
    private static List<String> expanded(SearchResult result) {
        List<String> ids = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            ids.add(hit.clauseId());
            ids.addAll(hit.similarClauseIds());
        }
        return ids;
    }

    /**
     * Same scores in the same order, and at each score the same clauses with the template clauses
     * grouped under them (in any order: tied clauses may come in another order, and so lead their
     * group in another order); the last tied score may be cut by the page end differently.
     */
    static boolean sameWithinTies(List<SearchHit> a, List<SearchHit> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<Set<String>> tiesA = new ArrayList<>();
        List<Set<String>> tiesB = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!close(a.get(i).score(), b.get(i).score())) {
                return false;
            }
            if (i == 0 || !close(a.get(i).score(), a.get(i - 1).score())) {
                tiesA.add(new HashSet<>());
                tiesB.add(new HashSet<>());
            }
            tiesA.get(tiesA.size() - 1).add(a.get(i).clauseId());
            tiesA.get(tiesA.size() - 1).addAll(a.get(i).similarClauseIds());
            tiesB.get(tiesB.size() - 1).add(b.get(i).clauseId());
            tiesB.get(tiesB.size() - 1).addAll(b.get(i).similarClauseIds());
        }
        return tiesA.subList(0, tiesA.size() - 1).equals(tiesB.subList(0, tiesB.size() - 1));
    }

    private static boolean close(float x, float y) {
        return Math.abs(x - y) <= TIE * Math.max(1, Math.abs(x));
    }

    private static String describe(SearchResult r) {
        StringBuilder b = new StringBuilder("total " + r.total() + ":");
        for (SearchHit h : r.hits()) {
            b.append(String.format(" %s(%.4f)", h.clauseId(), h.score()));
        }
        return b.toString();
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = 0;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(term + "@" + position + "[" + offset.startOffset() + "," + offset.endOffset() + ")");
            }
            ts.end();
        }
        return out;
    }
}
