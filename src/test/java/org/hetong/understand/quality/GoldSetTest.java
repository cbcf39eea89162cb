package org.hetong.understand.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hetong.config.ConfigFiles;
import org.hetong.understand.ClauseTaxonomy;
import org.junit.jupiter.api.Test;

/** The gold set itself, without running the pipeline: consistent, big enough, split fairly, files present. */
class GoldSetTest {
    private final GoldSet gold = GoldSet.onClasspath();
    private final ClauseTaxonomy taxonomy = ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config")));

    @Test
    void goldSetHasAtLeast300ClausesAndOnlyTaxonomyTypes() {
        assertTrue(gold.clauseCount() >= 300, "gold clauses: " + gold.clauseCount());
        assertEquals(List.of(), gold.problems(taxonomy));
    }

    @Test
    void everyGoldSourceIsAFileOfTheCheckoutOrOfTheGoldDocs() {
        List<String> missing = new ArrayList<>();
        for (GoldDocument d : gold.documents()) {
            String file = d.source().contains("!/") ? d.source().substring(0, d.source().indexOf("!/")) : d.source();
            Path path = file.startsWith("gold/") ? GoldSet.classpathRoot().resolve(file.substring(5)) : Path.of(file);
            if (!Files.isRegularFile(path)) {
                missing.add(d.label() + " → " + path);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void testSplitHoldsAboutAThirdOfTheClausesAndEveryType() {
        int test = gold.split("test").stream().mapToInt(d -> d.clauses().size()).sum();
        double share = (double) test / gold.clauseCount();
        assertTrue(share > 0.25 && share < 0.45, "test share of clauses: " + share);
        for (String split : List.of("train", "test")) {
            Set<String> present = gold.split(split).stream().flatMap(d -> d.clauses().stream())
                    .map(GoldDocument.GoldClause::type).collect(Collectors.toSet());
            List<String> absent = taxonomy.names().stream().filter(t -> !present.contains(t)).toList();
            assertEquals(List.of(), absent, "types without a clause in the " + split + " split");
        }
    }

    @Test
    void aFamilyIsNeverSplitBetweenTrainAndTest() {
        List<String> mixed = gold.documents().stream().filter(d -> d.family() != null)
                .collect(Collectors.groupingBy(GoldDocument::family, Collectors.mapping(GoldDocument::split, Collectors.toSet())))
                .entrySet().stream().filter(e -> e.getValue().size() > 1).map(e -> e.getKey()).toList();
        assertEquals(List.of(), mixed, "families with documents in both splits leak wording into the held-out set");
    }
}
