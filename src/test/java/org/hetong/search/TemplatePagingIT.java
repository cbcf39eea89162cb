package org.hetong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.testing.GeneratedContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive of contracts made from one template: near-identical articles collapse into one hit with
 * "N similar", and paging goes on until the last group: a page is not empty while more groups of
 * matching clauses exist (within the 1,500 candidates a search groups), and no clause comes twice.
 */
class TemplatePagingIT {
    @TempDir
    Path tmp;

    @Test
    void pagingThroughCollapsedTemplateClausesReachesEveryGroupAndShowsNoClauseTwice() throws Exception {
        try (Services services = Services.open(tmp.resolve("archive"), ConfigFiles.fromDirectory(Path.of("index-config")))) {
            Path folder = Files.createDirectories(tmp.resolve("contracts"));
            for (int i = 0; i < 60; i++) {
                Path file = folder.resolve(GeneratedContracts.fileName(i));
                Files.write(file, GeneratedContracts.bytes(i));
                services.importer.importFile(file, file.getFileName().toString());
            }
            services.index.commit();

            Set<String> seen = new HashSet<>();
            long total = -1;
            int pages = 0;
            for (int page = 1; page <= 100; page++) {
                SearchResult result = services.search.search(new SearchRequest("甲方", null, null, null, null, null, null, null, page, 2, null));
                total = result.total();
                if (result.hits().isEmpty()) {
                    break;
                }
                pages++;
                for (SearchHit hit : result.hits()) {
                    assertTrue(seen.add(hit.clauseId()), "shown twice: " + hit.clauseId());
                    for (String similar : hit.similarClauseIds()) {
                        assertTrue(seen.add(similar), "shown twice: " + similar);
                    }
                }
            }
            assertTrue(total > 100, "the template's articles match in every contract: " + total);
            assertTrue(pages >= 3, "more than two pages of collapsed hits: " + pages);
            // The groups of every candidate, formed as a page forms them: paging must reach all of them.
            SearchRequest all = new SearchRequest("甲方", null, null, null, null, null, null, null, 1, 2, null);
            int groups = SearchPages.group(services.search.all(all, 1500), SearchHit::text).size();
            assertEquals((groups + 1) / 2, pages, groups + " groups of 2 per page; no page is empty before the last group");
        }
    }
}
