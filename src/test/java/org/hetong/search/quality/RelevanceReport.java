package org.hetong.search.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The numbers of one query set in one evaluation run and their text: a per-query table (P@10 and
 * nDCG@10 of hetong and of the baseline, hetong's wrong and missing clauses), averages overall and
 * per category, and the Markdown block for {@code QUALITY.md} over the development set, the two open
 * held-out sets and all together, with one line for each sealed set (the third, the fourth in two parts, the fifth).
 *
 * <p>A {@link #sealed(String, JudgmentResolver) sealed} report (heldout3.tsv, heldout4.tsv, heldout5.tsv) gives only its {@link #sealedSummary() averages}:
 * its per-query table, its per-category averages and its rankings are never printed, and it cannot be
 * combined with other sets, so that the set stays a blind estimate for later rounds.
 */
final class RelevanceReport {
    static final int K = 10;
    static final String COMMAND = "mvn -B test -Dtest=RelevanceEvaluation";

    /** One query's rankings and scores. */
    record Row(JudgmentResolver.ResolvedQuery query, List<String> hetong, long hetongTotal, List<String> baseline) {
        double hetongP() {
            return RankingMetrics.precision(hetong, query.grades(), K);
        }

        double hetongRawP() {
            return RankingMetrics.rawPrecision(hetong, query.grades(), K);
        }

        double hetongNdcg() {
            return RankingMetrics.ndcg(hetong, query.grades(), K);
        }

        double baselineP() {
            return RankingMetrics.precision(baseline, query.grades(), K);
        }

        double baselineRawP() {
            return RankingMetrics.rawPrecision(baseline, query.grades(), K);
        }

        double baselineNdcg() {
            return RankingMetrics.ndcg(baseline, query.grades(), K);
        }
    }

    final String name;
    final List<Row> rows = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    private final JudgmentResolver labels;
    private final boolean verbose;
    /** Only {@link #sealedSummary()} may be printed: no table, no per-category averages, no combination. */
    final boolean sealed;

    /**
     * {@code name}: the set's name in the printed tables; {@code verbose}: print each system's first
     * ten clauses with their grades under each query.
     */
    RelevanceReport(String name, JudgmentResolver labels, boolean verbose) {
        this(name, labels, verbose, false);
    }

    private RelevanceReport(String name, JudgmentResolver labels, boolean verbose, boolean sealed) {
        this.name = name;
        this.labels = labels;
        this.verbose = verbose;
        this.sealed = sealed;
    }

    /**
     * A sealed set's report: it reports only its averages ({@link #sealedSummary()}); asking it for a
     * per-query table or per-category averages, or combining it with other sets, is an error.
     */
    static RelevanceReport sealed(String name, JudgmentResolver labels) {
        return new RelevanceReport(name, labels, false, true);
    }

    /** The rows of several sets together, for their combined averages (not for per-query tables). */
    static RelevanceReport combined(String name, List<RelevanceReport> parts) {
        RelevanceReport all = new RelevanceReport(name, null, false);
        parts.forEach(p -> {
            p.requireOpen("combined with other sets");
            all.rows.addAll(p.rows);
        });
        return all;
    }

    private void requireOpen(String what) {
        if (sealed) {
            throw new IllegalStateException(name + " is sealed: it is never " + what + "; only its averages are reported");
        }
    }

    /**
     * The only thing a sealed set reports, on one line: how many queries were measured and hetong's and the
     * baseline's average P@10 and nDCG@10 (and how many queries were skipped because realdocs is absent).
     */
    String sealedSummary() {
        String skip = skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped";
        return String.format(Locale.ROOT, "%s: %d queries%s, per-query results never printed; hetong P@10 %.3f / nDCG@10 %.3f;"
                + " baseline P@10 %.3f / nDCG@10 %.3f", name, rows.size(), skip, average(Row::hetongP), average(Row::hetongNdcg),
                average(Row::baselineP), average(Row::baselineNdcg));
    }

    double average(ToDoubleFunction<Row> metric) {
        return rows.stream().mapToDouble(metric).average().orElse(0);
    }

    /** Hetong's top-10 clauses judged 0. */
    List<String> wrong(Row r) {
        return r.hetong().stream().limit(K).filter(id -> r.query().grades().getOrDefault(id, 0) == 0).map(labels::label).toList();
    }

    /**
     * Relevant clauses hetong did not rank in its top 10: every relevant clause when there are at most
     * ten, else the grade-2 clauses when the top 10 holds anything less.
     */
    List<String> missing(Row r) {
        Map<String, Integer> grades = r.query().grades();
        List<String> top = r.hetong().stream().limit(K).toList();
        boolean fewRelevant = r.query().relevant() <= K;
        if (!fewRelevant && top.size() == K && top.stream().allMatch(id -> grades.getOrDefault(id, 0) == 2)) {
            return List.of();
        }
        int minGrade = fewRelevant ? 1 : 2;
        return grades.entrySet().stream().filter(e -> e.getValue() >= minGrade && !top.contains(e.getKey()))
                .sorted((a, b) -> b.getValue() - a.getValue()).map(e -> labels.label(e.getKey())).toList();
    }

    String table() {
        requireOpen("printed query by query");
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-4s %-11s %-30s %3s %5s | %-13s | %-13s%n", "id", "category", "query", "R",
                "hits", "hetong P  nDCG", "baseline P nDCG"));
        b.append("-".repeat(102)).append('\n');
        for (Row r : rows) {
            JudgedQueries.Query q = r.query().query();
            b.append(String.format(Locale.ROOT, "%-4s %-11s %-30s %3d %5d | %5.2f  %5.2f | %5.2f  %5.2f%n", q.id(), q.category(),
                    pad(q.text(), 30), r.query().relevant(), r.hetongTotal(), r.hetongP(), r.hetongNdcg(), r.baselineP(),
                    r.baselineNdcg()));
            List<String> wrong = wrong(r);
            List<String> missing = missing(r);
            if (!wrong.isEmpty()) {
                b.append("       wrong:   ").append(list(wrong)).append('\n');
            }
            if (!missing.isEmpty()) {
                b.append("       missing: ").append(list(missing)).append('\n');
            }
            if (verbose) {
                b.append("       hetong:   ").append(ranking(r.hetong(), r.query().grades())).append('\n');
                b.append("       baseline: ").append(ranking(r.baseline(), r.query().grades())).append('\n');
            }
        }
        for (String s : skipped) {
            b.append("skipped ").append(s).append('\n');
        }
        return b.toString();
    }

    String averages() {
        requireOpen("printed by category");
        StringBuilder b = new StringBuilder("== ").append(name).append('\n');
        b.append(String.format(Locale.ROOT, "%-14s %3s | %-21s | %-21s%n", "category", "n", "hetong P@10 nDCG@10", "baseline P@10 nDCG@10"));
        for (Map.Entry<String, List<Row>> e : byCategory().entrySet()) {
            b.append(line(e.getKey(), e.getValue()));
        }
        b.append(line("ALL", rows));
        b.append(String.format(Locale.ROOT, "raw P@10 (hits/10, as trec_eval): hetong %.3f, baseline %.3f%n",
                average(Row::hetongRawP), average(Row::baselineRawP)));
        return b.toString();
    }

    private String line(String name, List<Row> group) {
        return String.format(Locale.ROOT, "%-14s %3d | %8.3f  %8.3f  | %8.3f  %8.3f%n", name, group.size(),
                avg(group, Row::hetongP), avg(group, Row::hetongNdcg), avg(group, Row::baselineP), avg(group, Row::baselineNdcg));
    }

    Map<String, List<Row>> byCategory() {
        requireOpen("broken down by category");
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.query().query().category(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /**
     * The block for the "Search relevance" section of QUALITY.md: each set (development, held-out,
     * second held-out, in the order given) and all together, a line with each sealed set's averages,
     * each open set per category, and the behaviour checks.
     */
    static String markdown(boolean withRealdocs, List<SearchBehaviourChecks.Check> checks, List<RelevanceReport> sets,
                           RelevanceReport all, List<RelevanceReport> sealed) {
        StringBuilder b = new StringBuilder();
        List<String> counts = sets.stream().map(r -> r.rows.size() + " " + r.name).toList();
        String listed = counts.size() <= 1 ? String.join("", counts)
                : String.join(", ", counts.subList(0, counts.size() - 1)) + " and " + counts.get(counts.size() - 1);
        b.append("Measured ").append(LocalDate.now()).append(" with `").append(COMMAND).append("` over ")
                .append(withRealdocs ? "sample-docs + ../shared/realdocs" : "sample-docs only (realdocs absent)")
                .append(", ").append(listed).append(" queries.\n\n");
        b.append("| query set | n | hetong P@10 | hetong nDCG@10 | baseline P@10 | baseline nDCG@10 |\n|---|---|---|---|---|---|\n");
        List<RelevanceReport> withAll = new ArrayList<>(sets);
        withAll.add(all);
        for (RelevanceReport r : withAll) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", r.name, r.rows.size(),
                    r.average(Row::hetongP), r.average(Row::hetongNdcg), r.average(Row::baselineP), r.average(Row::baselineNdcg)));
        }
        b.append("| target (issue 5) | | ≥ 0.9 | ≥ 0.85 | | |\n");
        if (!sealed.isEmpty()) {
            b.append('\n');
            sealed.forEach(r -> b.append(r.sealedSummary()).append(".\n\n"));
        }
        for (RelevanceReport r : sets) {
            b.append('\n').append(r.name).append(", by category:\n\n");
            b.append("| category | n | hetong P@10 | hetong nDCG@10 | baseline P@10 | baseline nDCG@10 |\n|---|---|---|---|---|---|\n");
            for (Map.Entry<String, List<Row>> e : r.byCategory().entrySet()) {
                List<Row> g = e.getValue();
                b.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", e.getKey(), g.size(),
                        avg(g, Row::hetongP), avg(g, Row::hetongNdcg), avg(g, Row::baselineP), avg(g, Row::baselineNdcg)));
            }
        }
        b.append('\n');
        for (SearchBehaviourChecks.Check c : checks) {
            b.append("- ").append(c.passed() ? "✅ " : "❌ ").append(c.name()).append(": ").append(c.detail()).append('\n');
        }
        return b.toString();
    }

    /** The first ten clauses with their grades: {@code 2:S1 第十四条}. */
    private String ranking(List<String> ids, Map<String, Integer> grades) {
        return String.join(", ", ids.stream().limit(K).map(id -> grades.getOrDefault(id, 0) + ":" + labels.label(id)).toList());
    }

    private static double avg(List<Row> rows, ToDoubleFunction<Row> metric) {
        return rows.stream().mapToDouble(metric).average().orElse(0);
    }

    private static String list(List<String> labels) {
        int shown = Math.min(6, labels.size());
        String s = String.join(", ", labels.subList(0, shown));
        return labels.size() > shown ? s + " (+" + (labels.size() - shown) + " more)" : s;
    }

    /** Pads to a display width, counting a Han character as two columns. */
    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cw = c >= 0x2E80 ? 2 : 1;
            if (w + cw > width) {
                break;
            }
            b.append(c);
            w += cw;
        }
        return b.append(" ".repeat(Math.max(0, width - w))).toString();
    }
}
