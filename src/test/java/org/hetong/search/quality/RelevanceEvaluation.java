package org.hetong.search.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.hetong.index.IndexFields;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.search.ClauseQueryBuilder;
import org.hetong.search.QuerySyntaxException;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchResult;
import org.hetong.understand.ClauseTaxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search relevance of hetong against a plain StandardAnalyzer index of the same clauses, on our judged
 * query sets, in one run: {@code mvn -B test -Dtest=RelevanceEvaluation}. The development set
 * ({@code src/test/resources/relevance/queries.tsv}) is the one the ranking was tuned on; the
 * held-out set ({@code heldout.tsv}) was written and judged afterwards, before any ranking was looked
 * at, so it shows whether a ranking change carries over to queries nobody tuned for; the second
 * held-out set ({@code heldout2.tsv}) was written by another author and judged from the clause dump
 * before any ranking was run. These three open sets are measured and printed on their own, then all
 * together ("all sets").
 *
 * <p>The third held-out set ({@code heldout3.tsv}) is SEALED: written by yet another author and judged
 * from the clause dump before any ranking was run, it is measured on hetong and on the baseline like the
 * others, but only its averages are reported — one line (number of queries, hetong's and the baseline's
 * P@10 and nDCG@10) on the console and in the QUALITY.md block. Its per-query table, its per-category
 * averages and its rankings are never printed (not with {@code -Drelevance.verbose} either), its queries
 * cannot be explained with {@code -Drelevance.explain}, it is not part of "all sets" and nothing is
 * asserted on its numbers, so that it stays a blind estimate for later rounds: do not tune on it. Only
 * its judgments must resolve, like every set's. The fourth held-out set ({@code heldout4.tsv}) is sealed
 * the same way. Its author did not read the other sets' queries, and 13 of its 34 query texts turned out to
 * be ones an earlier set also asks (保证金, 人员 更换 …): it reports two lines, its queries new to hetong
 * — the blind estimate — and those repeats, which the ranking was tuned on, judged anew by another author.
 * The fifth ({@code heldout5.tsv}) is sealed too; its author was given the earlier sets' query texts to avoid.
 *
 * <p>It builds a real archive of sample-docs and ../shared/realdocs (judgments on realdocs are
 * dropped, with a note, when that folder is absent), runs every query on hetong and on the
 * baseline, prints P@10 and nDCG@10 per query and on average with hetong's wrong and missing
 * clauses (open sets only), checks the behaviours issue 5 names, and prints the block for QUALITY.md.
 *
 * <p>It asserts what holds: the sets load (at least 40 development queries, 25 in each open held-out
 * set and 30 in each sealed one), every judged clause exists, and — with ../shared/realdocs present —
 * issue 5's targets on the development set (P@10 ≥ 0.9, nDCG@10 ≥ 0.85) and hetong clearly above the
 * baseline (≥ 0.05 in P@10 and in nDCG@10) on the development and the first held-out set. The held-out
 * sets are below the targets; the second is reported, not asserted on (nobody knew how it would come
 * out when it was written), and the sealed one only by its averages.
 *
 * <p>A grouped hit ("N similar" template clauses) counts as its clauses in order, the one shown
 * first: grouping neither helps nor hurts the measure. {@code -Drelevance.dump=FILE} writes every
 * indexed clause with its path and number, for judging new queries; {@code -Drelevance.markdown=FILE}
 * writes the QUALITY.md block; {@code -Drelevance.verbose=true} prints both systems' first ten clauses
 * with their grades under each query of the open sets; {@code -Drelevance.explain=q32,h06} prints
 * Lucene's explanation of the scores of those open-set queries' first ten and of their judged clauses
 * missing from the first ten.
 */
class RelevanceEvaluation {
    static final int MIN_QUERIES = 40;
    static final int MIN_HELD_OUT_QUERIES = 25;
    static final int MIN_SEALED_QUERIES = 30;
    /** Issue 5's P@10 target, met on the development set since 2026-11-27 (0.909, third round). */
    static final double MIN_P_AT_10 = 0.9;
    /** Issue 5's nDCG@10 target, met on the development set since 2026-11-27. */
    static final double MIN_NDCG = 0.85;
    /** "Clearly above the baseline": by at least this much, in P@10 and in nDCG@10. */
    static final double MIN_MARGIN = 0.05;

    @TempDir
    Path data;

    @Test
    void judgedQueriesAreMeasuredOnHetongAndOnTheStandardAnalyzerBaseline() throws IOException, QuerySyntaxException {
        JudgedQueries development = JudgedQueries.load(JudgedQueries.RESOURCE);
        JudgedQueries heldOut = JudgedQueries.load(JudgedQueries.HELD_OUT);
        JudgedQueries heldOut2 = JudgedQueries.load(JudgedQueries.HELD_OUT_2);
        JudgedQueries sealedSet = JudgedQueries.load(JudgedQueries.HELD_OUT_3);
        JudgedQueries fourth = JudgedQueries.load(JudgedQueries.HELD_OUT_4);
        JudgedQueries fifth = JudgedQueries.load(JudgedQueries.HELD_OUT_5);
        List<JudgedQueries> fourthParts = fourth.splitBy(JudgedQueries.textsOf(List.of(development, heldOut, heldOut2, sealedSet)));
        assertTrue(development.queries().size() >= MIN_QUERIES, "the development set has " + development.queries().size()
                + " queries; issue 5 asks for at least " + MIN_QUERIES);
        assertAtLeast(heldOut, "the held-out set", MIN_HELD_OUT_QUERIES);
        assertAtLeast(heldOut2, "the second held-out set", MIN_HELD_OUT_QUERIES);
        assertAtLeast(sealedSet, "the sealed third held-out set", MIN_SEALED_QUERIES);
        assertAtLeast(fourth, "the sealed fourth held-out set", MIN_SEALED_QUERIES);
        assertAtLeast(fifth, "the sealed fifth held-out set", MIN_SEALED_QUERIES);

        try (RelevanceArchive archive = RelevanceArchive.build(data)) {
            System.out.printf("archive built in %.1f s: %d indexed clauses%s%n", archive.buildMillis / 1000.0, archive.units.size(),
                    archive.withRealdocs ? "" : " (../shared/realdocs is absent: its judgments and queries are skipped)");
            archive.importProblems.forEach(p -> System.out.println("import problem: " + p));
            String dump = System.getProperty("relevance.dump");
            if (dump != null && !dump.isBlank()) {
                archive.dump(Path.of(dump));
                System.out.println("clauses written to " + dump);
            }

            boolean verbose = Boolean.getBoolean("relevance.verbose");
            JudgmentResolver devLabels = new JudgmentResolver(archive, development);
            JudgmentResolver heldOutLabels = new JudgmentResolver(archive, heldOut);
            JudgmentResolver heldOut2Labels = new JudgmentResolver(archive, heldOut2);
            JudgmentResolver sealedLabels = new JudgmentResolver(archive, sealedSet);
            JudgmentResolver fourthNewLabels = new JudgmentResolver(archive, fourthParts.get(0));
            JudgmentResolver fourthRepeatLabels = new JudgmentResolver(archive, fourthParts.get(1));
            JudgmentResolver fifthLabels = new JudgmentResolver(archive, fifth);
            assertEquals(List.of(), devLabels.errors, "every judged clause of queries.tsv must exist in the archive");
            assertEquals(List.of(), heldOutLabels.errors, "every judged clause of heldout.tsv must exist in the archive");
            assertEquals(List.of(), heldOut2Labels.errors, "every judged clause of heldout2.tsv must exist in the archive");
            // The resolver's errors name a judgment by query id, line and clause name, never a ranking.
            assertEquals(List.of(), sealedLabels.errors, "every judged clause of heldout3.tsv must exist in the archive");
            assertEquals(List.of(), fourthNewLabels.errors, "every judged clause of heldout4.tsv must exist in the archive");
            assertEquals(List.of(), fourthRepeatLabels.errors, "every judged clause of heldout4.tsv must exist in the archive");
            assertEquals(List.of(), fifthLabels.errors, "every judged clause of heldout5.tsv must exist in the archive");
            RelevanceReport devReport = new RelevanceReport("development (queries.tsv)", devLabels, verbose);
            RelevanceReport heldOutReport = new RelevanceReport("held-out (heldout.tsv)", heldOutLabels, verbose);
            RelevanceReport heldOut2Report = new RelevanceReport("second held-out (heldout2.tsv)", heldOut2Labels, verbose);
            List<RelevanceReport> sets = List.of(devReport, heldOutReport, heldOut2Report);
            // Sealed: only its averages are ever printed (never a table, a category, a ranking or an explanation).
            RelevanceReport sealedReport = RelevanceReport.sealed("Sealed third held-out set (heldout3.tsv)", sealedLabels);
            RelevanceReport fourthNewReport = RelevanceReport.sealed(
                    "Sealed fourth held-out set (heldout4.tsv), queries new to hetong", fourthNewLabels);
            RelevanceReport fourthRepeatReport = RelevanceReport.sealed(
                    "Sealed fourth held-out set (heldout4.tsv), query texts an earlier set also asks, judged anew", fourthRepeatLabels);
            RelevanceReport fifthReport = RelevanceReport.sealed("Sealed fifth held-out set (heldout5.tsv)", fifthLabels);
            List<RelevanceReport> sealedReports = List.of(sealedReport, fourthNewReport, fourthRepeatReport, fifthReport);
            try (BaselineSearch baseline = new BaselineSearch(archive.units)) {
                measure(archive, baseline, devLabels, devReport);
                measure(archive, baseline, heldOutLabels, heldOutReport);
                measure(archive, baseline, heldOut2Labels, heldOut2Report);
                baseline.rejected.forEach(r -> System.out.println("baseline parser rejected (scored 0): " + r));
                // Last, after the open sets' messages are out: the baseline's rejections of sealed queries
                // (which would name the query) are dropped unprinted, and hetong's are not printed either.
                int rejectedBefore = baseline.rejected.size();
                measure(archive, baseline, sealedLabels, sealedReport);
                measure(archive, baseline, fourthNewLabels, fourthNewReport);
                measure(archive, baseline, fourthRepeatLabels, fourthRepeatReport);
                measure(archive, baseline, fifthLabels, fifthReport);
                baseline.rejected.subList(rejectedBefore, baseline.rejected.size()).clear();
            }
            explain(archive, System.getProperty("relevance.explain", ""), List.of(devLabels, heldOutLabels, heldOut2Labels));
            RelevanceReport all = RelevanceReport.combined("all sets", sets);
            List<SearchBehaviourChecks.Check> checks = new SearchBehaviourChecks(archive.services.search, archive).run();

            for (RelevanceReport r : sets) {
                System.out.println("\n==== " + r.name + " ====");
                System.out.println(r.table());
            }
            for (RelevanceReport r : sets) {
                System.out.println(r.averages());
            }
            System.out.println(all.averages());
            sealedReports.forEach(r -> System.out.println(r.sealedSummary()));
            for (SearchBehaviourChecks.Check c : checks) {
                System.out.println((c.passed() ? "[ok]   " : "[FAIL] ") + c.name() + ": " + c.detail());
            }
            String markdown = RelevanceReport.markdown(archive.withRealdocs, checks, sets, all, sealedReports);
            System.out.println("\n---- for QUALITY.md (## Search relevance) ----\n" + markdown + "----");
            String out = System.getProperty("relevance.markdown");
            if (out != null && !out.isBlank()) {
                Files.writeString(Path.of(out), markdown);
            }
            assertTrue(devReport.rows.size() >= (archive.withRealdocs ? MIN_QUERIES : 1), "queries measured: " + devReport.rows.size());
            if (archive.withRealdocs) {
                // Issue 5's targets, asserted where they hold (QUALITY.md "Search relevance"): P@10 ≥ 0.9 and
                // nDCG@10 ≥ 0.85 on the development set, and hetong clearly above the baseline on the development
                // and the first held-out set (the second held-out set is reported, not asserted on).
                double devP = devReport.average(RelevanceReport.Row::hetongP);
                assertTrue(devP >= MIN_P_AT_10, String.format("development P@10 %.3f is below issue 5's %.2f", devP, MIN_P_AT_10));
                double devNdcg = devReport.average(RelevanceReport.Row::hetongNdcg);
                assertTrue(devNdcg >= MIN_NDCG, String.format("development nDCG@10 %.3f is below issue 5's %.2f", devNdcg, MIN_NDCG));
                for (RelevanceReport r : List.of(devReport, heldOutReport)) {
                    double p = r.average(RelevanceReport.Row::hetongP) - r.average(RelevanceReport.Row::baselineP);
                    double n = r.average(RelevanceReport.Row::hetongNdcg) - r.average(RelevanceReport.Row::baselineNdcg);
                    assertTrue(p >= MIN_MARGIN && n >= MIN_MARGIN, String.format(
                            "%s: hetong is %+.3f P@10 and %+.3f nDCG@10 against the baseline; issue 5 wants it clearly above (≥ %.2f)",
                            r.name, p, n, MIN_MARGIN));
                }
            }
        }
    }

    /**
     * For tuning: {@code -Drelevance.explain=q32,h06} prints Lucene's explanation of the strict and the relaxed
     * query's score for hetong's first ten clauses and for each judged clause missing from them.
     */
    private static void explain(RelevanceArchive archive, String ids, List<JudgmentResolver> sets)
            throws IOException, QuerySyntaxException {
        if (ids.isBlank() || !(archive.services.index instanceof LuceneClauseIndex index)) {
            return;
        }
        ClauseQueryBuilder builder = new ClauseQueryBuilder(index.analyzers(), ClauseTaxonomy.load(archive.services.config));
        for (JudgmentResolver set : sets) {
            for (JudgmentResolver.ResolvedQuery q : set.queries) {
                if (!List.of(ids.split(",")).contains(q.query().id())) {
                    continue;
                }
                List<String> shown = new ArrayList<>();
                hetong(archive, q.query().text(), shown, false);
                List<String> clauses = new ArrayList<>(shown.subList(0, Math.min(RelevanceReport.K, shown.size())));
                q.grades().keySet().stream().filter(id -> !clauses.contains(id)).sorted().forEach(clauses::add);
                SearchRequest request = new SearchRequest(q.query().text(), null, null, null, null, null, 1, RelevanceReport.K, null);
                IndexSearcher searcher = index.searchers().acquire();
                try {
                    for (boolean relaxed : new boolean[] {false, true}) {
                        Query query = builder.build(request, relaxed);
                        System.out.printf("%n#### explain %s %s (%s): %s%n", q.query().id(), q.query().text(),
                                relaxed ? "relaxed" : "strict", query);
                        for (String id : clauses) {
                            TopDocs self = searcher.search(new TermQuery(new Term(IndexFields.CLAUSE_ID, id)), 1);
                            if (self.scoreDocs.length == 0) {
                                continue;
                            }
                            System.out.printf("-- grade %d, %s%s%n%s", q.grades().getOrDefault(id, 0), set.label(id),
                                    shown.contains(id) ? "" : " (not in the first ten)",
                                    searcher.explain(query, self.scoreDocs[0].doc));
                        }
                    }
                } finally {
                    index.searchers().release(searcher);
                }
            }
        }
    }

    private static void assertAtLeast(JudgedQueries set, String name, int min) {
        assertTrue(set.queries().size() >= min, name + " has " + set.queries().size() + " queries; it should have at least " + min);
    }

    /**
     * Runs every query of one set on hetong and on the baseline into {@code report}; for a sealed report
     * nothing about a single query is printed.
     */
    private static void measure(RelevanceArchive archive, BaselineSearch baseline, JudgmentResolver resolver,
                                RelevanceReport report) throws IOException, QuerySyntaxException {
        for (JudgmentResolver.ResolvedQuery q : resolver.queries) {
            if (q.relevant() == 0) {
                report.skipped.add((report.sealed ? q.query().id() : q.query().id() + " " + q.query().text()) + ": "
                        + (q.dropped() > 0 ? "all its judged clauses are in ../shared/realdocs, which is absent"
                        : "no relevant clause judged"));
                continue;
            }
            List<String> ranked = new ArrayList<>();
            long total = hetong(archive, q.query().text(), ranked, report.sealed);
            report.rows.add(new RelevanceReport.Row(q, ranked, total, baseline.search(q.query().text(), RelevanceReport.K)));
        }
    }

    /**
     * Hetong's first page of ten into {@code ids}, each grouped hit followed by the template clauses
     * grouped under it; returns the number of matching clauses. {@code quiet}: a rejected query is not
     * printed (a sealed set's query).
     */
    private static long hetong(RelevanceArchive archive, String query, List<String> ids, boolean quiet) throws IOException {
        SearchRequest request = new SearchRequest(query, null, null, null, null, null, 1, RelevanceReport.K, null);
        try {
            SearchResult result = archive.services.search.search(request);
            for (SearchHit hit : result.hits()) {
                ids.add(hit.clauseId());
                ids.addAll(hit.similarClauseIds());
            }
            return result.total();
        } catch (QuerySyntaxException e) {
            if (!quiet) {
                System.out.println("hetong rejected " + query + ": " + e.getMessage());
            }
            return 0;
        }
    }
}
