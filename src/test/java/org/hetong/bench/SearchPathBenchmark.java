package org.hetong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.IndexFields;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchService;
import org.hetong.search.SimilarClauses;
import org.hetong.understand.ClauseTaxonomy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The search path in process, without HTTP: the same uncached requests as {@link QueryBenchmark}, run one
 * at a time on one thread against an existing archive's index, reporting the thread's CPU time and the wall
 * time per search. For comparing variants of the search path quickly; the HTTP numbers of record come from
 * {@link QueryBenchmark}.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=SearchPathBenchmark -Dbench.query.archive=/tmp/hetong-1m
 * </pre>
 *
 * The archive must not be in use by a server (the index is opened for writing, nothing is written).
 */
@Tag("benchmark")
class SearchPathBenchmark {
    private static final String ARCHIVE = System.getProperty("bench.query.archive");
    private static final int REQUESTS = Integer.getInteger("bench.query.requests", 200);
    private static final int WARMUP = Integer.getInteger("bench.query.warmup", 300);
    private static final int SIMILAR = Integer.getInteger("bench.query.similar", 80);

    @Test
    void searchPathCostPerRequest() throws Exception {
        Assumptions.assumeTrue(ARCHIVE != null && Files.isDirectory(Path.of(ARCHIVE, "index")),
                "give -Dbench.query.archive=DIR of an archive built by QueryBenchmark");
        ConfigFiles config = ConfigFiles.defaultLocation();
        IndexAnalyzers analyzers = new IndexAnalyzers(config);
        try (LuceneClauseIndex index = new LuceneClauseIndex(Path.of(ARCHIVE, "index"), analyzers)) {
            SearchService search = new SearchService(index, ClauseTaxonomy.load(config));
            QueryBenchmark.Queries queries = new QueryBenchmark.Queries(new Random(7));
            for (String warm : concat(queries.terms(WARMUP / 3), queries.phrases(WARMUP / 3), queries.booleans(WARMUP / 3))) {
                search.search(request(warm));
            }
            StringBuilder report = new StringBuilder("\nSEARCH PATH (in process, one thread, uncached) over " + ARCHIVE
                    + ", " + index.clauseCount() + " clauses\n")
                    .append("| query kind | requests | p50 ms | p99 ms | CPU ms/req (mean) | CPU p50 | relaxed | counts cached |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            report.append(cell(search, "term", queries.terms(REQUESTS)));
            report.append(cell(search, "phrase", queries.phrases(REQUESTS)));
            report.append(cell(search, "boolean+filters", queries.booleans(REQUESTS)));
            report.append(nextPages(search, queries.terms(REQUESTS)));
            report.append(similarCost(search, index));
            System.out.println(report);
        }
    }

    /**
     * The next page of term searches whose first page was just asked: the results cache misses (another
     * page), the backend's count cache hits (same query, same reader), so only the window is ranked.
     */
    private static String nextPages(SearchService search, List<String> firstPages) throws Exception {
        for (String first : firstPages) {
            search.search(request(first));
        }
        return cell(search, "term, next page (counts known)", QueryBenchmark.Queries.nextPages(firstPages));
    }

    /**
     * Similar clauses for clauses spread over the index: CPU per request, how many precedents were found
     * (10 asked) and how alike their text is to the clause's (the diff's similarity the page shows).
     */
    private static String similarCost(SearchService search, LuceneClauseIndex index) throws Exception {
        List<String> ids = new ArrayList<>();
        var searcher = index.searchers().acquire();
        try {
            var stored = searcher.storedFields();
            int maxDoc = searcher.getIndexReader().maxDoc();
            for (int d = 7; d < maxDoc && ids.size() < SIMILAR; d += Math.max(1, maxDoc / SIMILAR)) {
                String id = stored.document(d, Set.of(IndexFields.CLAUSE_ID)).get(IndexFields.CLAUSE_ID);
                if (id != null) {
                    ids.add(id);
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String id : ids.subList(0, Math.min(10, ids.size()))) {
            search.backend().similar(id, 10, false);
        }
        double[] wall = new double[ids.size()];
        long cpu = 0;
        int found = 0;
        double similarity = 0;
        for (int i = 0; i < ids.size(); i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<SimilarClauses.Similar> similar = search.backend().similar(ids.get(i), 10, false).orElseThrow();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu += threads.getCurrentThreadCpuTime() - c0;
            found += similar.size();
            similarity += similar.stream().mapToDouble(SimilarClauses.Similar::overlap).sum();
        }
        Arrays.sort(wall);
        return String.format("| similar clauses (10 asked: %.2f found, mean text similarity %.3f) | %d | %.1f | %.1f | %.1f | | | |%n",
                found / (double) ids.size(), similarity / Math.max(1, found), ids.size(), at(wall, 0.5), at(wall, 0.99),
                cpu / 1e6 / ids.size());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static String cell(SearchService search, String kind, List<String> requests) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[requests.size()];
        double[] cpu = new double[requests.size()];
        int relaxed = 0;
        long countHits = search.backend().countCacheStats().map(c -> c.hitCount()).orElse(0L);
        for (int i = 0; i < requests.size(); i++) {
            SearchRequest request = request(requests.get(i));
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            if (search.search(request).relaxed()) {
                relaxed++;
            }
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double mean = Arrays.stream(cpu).average().orElse(0);
        Arrays.sort(wall);
        Arrays.sort(cpu);
        countHits = search.backend().countCacheStats().map(c -> c.hitCount()).orElse(0L) - countHits;
        return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", kind, requests.size(), at(wall, 0.5),
                at(wall, 0.99), mean, at(cpu, 0.5), relaxed, countHits);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** A QueryBenchmark request path ({@code /api/search?q=…&page=…}) as a search request. */
    static SearchRequest request(String path) {
        Map<String, String> p = new HashMap<>();
        for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new SearchRequest(p.get("q"), p.get("type"), p.get("kind"), p.get("party"), p.get("year"), p.get("contract"),
                p.get("risk"), p.get("ocr"), Integer.parseInt(p.getOrDefault("page", "1")), Integer.parseInt(p.getOrDefault("size", "20")),
                p.get("sort"));
    }
}
