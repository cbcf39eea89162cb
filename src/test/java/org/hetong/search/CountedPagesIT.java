package org.hetong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.search.Query;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.understand.ClauseTaxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded backend counts a search's total and facets once per reader and then ranks only the
 * page's window for its other pages and sort orders: those pages must be exactly what a full count
 * would have given.
 */
class CountedPagesIT {
    @TempDir
    static Path temp;
    private static Services services;
    private static ClauseQueryBuilder queries;

    @BeforeAll
    static void importSampleArchive() throws Exception {
        ConfigFiles config = ConfigFiles.fromDirectory(Path.of("index-config"));
        services = Services.open(temp.resolve("data"), config);
        try (Stream<Path> files = Files.walk(Path.of("sample-docs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                services.importer.importFile(file, file.getFileName().toString());
            }
        }
        services.index.commit();
        queries = new ClauseQueryBuilder(services.index.analyzers(), ClauseTaxonomy.load(config));
    }

    @AfterAll
    static void close() throws Exception {
        services.close();
    }

    @Test
    void laterPagesAndTheOtherSortOrderAreTheSameAsWithAFullCount() throws Exception {
        LuceneClauseIndex index = (LuceneClauseIndex) services.index;
        LuceneSearchBackend counting = new LuceneSearchBackend(index);
        for (String text : List.of("乙方", "保密", "违约 OR 赔偿", "验收 type:验收", "甲方 -保密")) {
            for (String sort : List.of("relevance", "date")) {
                for (int page = 1; page <= 3; page++) {
                    SearchRequest request = new SearchRequest(text, null, null, null, null, null, null, null, page, 10, sort);
                    Query query = queries.build(request);
                    SearchResult counted = counting.search(request, query, false);
                    SearchResult full = new LuceneSearchBackend(index).search(request, query, false);
                    String what = text + " sort=" + sort + " page=" + page;
                    assertEquals(full.total(), counted.total(), what);
                    assertEquals(full.facets(), counted.facets(), what);
                    assertEquals(ids(full), ids(counted), what);
                    assertEquals(full.hits().stream().map(SearchHit::score).toList(), counted.hits().stream().map(SearchHit::score).toList(), what);
                }
            }
        }
        long reused = counting.countCacheStats().orElseThrow().hitCount();
        assertTrue(reused >= 5 * 5, "pages 2, 3 and the other order reused the counts: " + reused);
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::clauseId).toList();
    }
}
