package org.hetong.understand.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hetong.understand.ClauseTaxonomy;

/**
 * Prints an {@link UnderstandingEvaluation} and an {@link ArticleRecovery.Result}: a readable report
 * with per-document detail and error examples, and a compact Markdown summary for QUALITY.md.
 */
public final class QualityReport {
    public static final String COMMAND = "mvn -B test -Dtest=UnderstandingQuality";

    private final UnderstandingEvaluation e;
    private final ArticleRecovery.Result real;
    private final ClauseTaxonomy taxonomy;

    public QualityReport(UnderstandingEvaluation evaluation, ArticleRecovery.Result real, ClauseTaxonomy taxonomy) {
        this.e = evaluation;
        this.real = real;
        this.taxonomy = taxonomy;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("=== hetong contract understanding: quality report, ").append(LocalDate.now()).append(" ===\n");
        goldSummary(b);
        b.append("\n== Segmentation: article-level clause boundaries (gold clauses vs searchable non-preamble clauses) ==\n");
        boundaryLine(b, "all documents", e.boundaries);
        e.boundariesByKind.forEach((k, c) -> boundaryLine(b, "  " + k, c));
        boundaryLine(b, "  numbered documents", e.numberedDocuments);
        boundaryLine(b, "  paragraph documents", e.paragraphDocuments);
        b.append(String.format(Locale.ROOT, "number as written (of found numbered clauses): %s; heading right (of found): %s%n",
                pct(e.boundaries.numberAccuracy()), pct(e.boundaries.headingAccuracy())));
        List<String> headings = e.documents.stream().flatMap(r -> r.alignment().matches().stream()
                        .filter(m -> m.found() && m.gold().number() != null
                                && !ClauseNumbers.sameHeading(m.gold().heading(), m.predicted().heading()))
                        .map(m -> r.gold().label().replaceFirst("-.*", "") + " " + m.gold().number() + " «"
                                + m.gold().heading() + "» got «" + m.predicted().heading() + "»"))
                .toList();
        b.append("heading mismatches: ").append(headings.isEmpty() ? "none" : abbreviate(headings, 12)).append('\n');
        b.append("per document (gold / found / predicted units not in gold; missed clauses):\n");
        for (UnderstandingEvaluation.DocumentResult r : e.documents) {
            List<String> missed = r.alignment().matches().stream().filter(m -> !m.found()).map(m -> m.gold().display()).toList();
            b.append(String.format(Locale.ROOT, "  %-5s %-62s %3d %3d %3d  %s%s%n", r.gold().split(), r.gold().label(),
                    r.gold().clauses().size(), r.alignment().found(), r.alignment().unmatchedPredicted().size(),
                    r.error() != null ? "UNREADABLE " + r.error() : "", abbreviate(missed, 6)));
        }
        b.append("\n== Clause types (on found clauses; held-out = test) ==\n");
        for (String split : List.of("test", "train", "all")) {
            LabelScores s = e.types(split);
            b.append(String.format(Locale.ROOT, "%-5s items %3d  accuracy %s  (with gold secondary accepted %s)  macro-F1 %.3f%n",
                    split, s.items(), pct(s.accuracy()), pct(s.lenientAccuracy()), s.macroF1()));
        }
        for (String split : List.of("test", "train")) {
            b.append("per type, ").append(split).append(":\n");
            LabelScores s = e.types(split);
            for (String type : taxonomy.names()) {
                if (s.support(type) > 0) {
                    b.append(String.format(Locale.ROOT, "  %-12s n=%3d  P %.2f  R %.2f  F1 %.2f%n", type, s.support(type),
                            s.precision(type), s.recall(type), s.f1(type)));
                }
            }
        }
        b.append("most common mistakes (gold → predicted, all splits):\n");
        for (LabelScores.Confusion c : e.types("all").topConfusions(20)) {
            b.append(String.format(Locale.ROOT, "  %3d  %-26s e.g. %s%n", c.count(), c.pair(), String.join(" | ", c.examples())));
        }
        b.append("every type mistake, by document (gold → predicted):\n");
        for (UnderstandingEvaluation.DocumentResult r : e.documents) {
            List<String> wrong = r.alignment().matches().stream()
                    .filter(m -> m.found() && !m.gold().type().equals(m.predicted().clauseType()))
                    .map(m -> m.gold().display() + " " + m.gold().type() + "→" + m.predicted().clauseType()).toList();
            if (!wrong.isEmpty()) {
                b.append("  ").append(r.gold().split()).append(' ').append(r.gold().label()).append(": ")
                        .append(String.join("; ", wrong)).append('\n');
            }
        }
        b.append("\n== Fields (where the gold label has a value) ==\n");
        FieldScores f = e.fields;
        for (String field : FieldScores.FIELDS) {
            b.append(String.format(Locale.ROOT, "  %-15s %3d/%-3d %s   spurious %d%n", field, f.correct(field), f.total(field),
                    pct(f.accuracy(field)), f.spurious(field)));
        }
        b.append(String.format(Locale.ROOT, "  %-15s %3d/%-3d %s%n", "overall", f.correctOverall(), f.totalOverall(), pct(f.accuracyOverall())));
        for (String field : FieldScores.FIELDS) {
            for (String err : f.errors(field).stream().limit(8).toList()) {
                b.append("    ").append(field).append(" — ").append(err).append('\n');
            }
        }
        b.append("\n== Document kinds ==\n");
        b.append(String.format(Locale.ROOT, "  accuracy %s (%d documents)%n", pct(e.kinds.accuracy()), e.kinds.items()));
        e.kinds.topConfusions(10).forEach(c -> b.append("    ").append(c.pair()).append(": ").append(c.examples()).append('\n'));
        b.append("\n== Family links ==\n  ").append(linkLine()).append('\n');
        if (e.links.implemented()) {
            e.links.errors().forEach(x -> b.append("    ").append(x).append('\n'));
        }
        b.append("\n== Amendments (supplement clause → contract clause) ==\n  ").append(amendmentLine()).append('\n');
        if (e.amendments.implemented()) {
            e.amendments.errors().forEach(x -> b.append("    ").append(x).append('\n'));
        }
        b.append("\n== Real corpus: 第X条 articles recovered as clauses with that number ==\n");
        if (real.skipped() != null) {
            b.append("  skipped: ").append(real.skipped()).append('\n');
        } else {
            for (ArticleRecovery.FileResult r : real.files()) {
                b.append(String.format(Locale.ROOT, "  %4d/%-4d %s  %s%s%n", r.recovered(), r.articles(), pct(r.share()), r.file(),
                        r.skipped() != null ? "  (" + r.skipped() + ")" : ""));
                if (!r.missed().isEmpty()) {
                    b.append("      missed: ").append(abbreviate(r.missed(), 5)).append('\n');
                }
            }
            b.append(String.format(Locale.ROOT, "  overall %d/%d = %s (%d files scanned, %d with 第X条 lines)%n", real.recovered(),
                    real.articles(), pct(real.share()), real.scanned(), real.files().size()));
        }
        return b.toString();
    }

    private void goldSummary(StringBuilder b) {
        GoldSet g = e.gold;
        Map<String, int[]> perType = new TreeMap<>();
        for (GoldDocument d : g.documents()) {
            for (GoldDocument.GoldClause c : d.clauses()) {
                perType.computeIfAbsent(c.type(), k -> new int[2])[d.isTest() ? 1 : 0]++;
            }
        }
        int train = g.split("train").stream().mapToInt(d -> d.clauses().size()).sum();
        int test = g.split("test").stream().mapToInt(d -> d.clauses().size()).sum();
        b.append(String.format(Locale.ROOT, "Gold set: %d documents (train %d, test %d), %d clauses (train %d, test %d)%s%n",
                g.documents().size(), g.split("train").size(), g.split("test").size(), g.clauseCount(), train, test,
                e.unreadable() > 0 ? ", " + e.unreadable() + " UNREADABLE" : ""));
        b.append("clauses per type (train/test): ");
        b.append(taxonomy.names().stream().map(t -> t + " " + perType.getOrDefault(t, new int[2])[0] + "/"
                + perType.getOrDefault(t, new int[2])[1]).collect(Collectors.joining(", "))).append('\n');
    }

    private static void boundaryLine(StringBuilder b, String name, BoundaryCounts c) {
        b.append(String.format(Locale.ROOT, "%-24s P %.3f  R %.3f  F1 %.3f   (found %d of %d gold; %d predicted)%n",
                name, c.precision(), c.recall(), c.f1(), c.found(), c.gold(), c.predicted()));
    }

    private String linkLine() {
        UnderstandingEvaluation.LinkResult l = e.links;
        return l.implemented()
                ? String.format(Locale.ROOT, "%d/%d documents linked to their family's contract (%s)", l.correct(), l.total(), pct(ratio(l.correct(), l.total())))
                : "not implemented: no family linker is plugged into QualityPlugins.familyLinker(); " + l.total()
                        + " supplements, letters, mails and attachments wait to be linked";
    }

    private String amendmentLine() {
        UnderstandingEvaluation.AmendmentResult a = e.amendments;
        return a.implemented()
                ? String.format(Locale.ROOT, "%d/%d gold amendments detected (%s), %d detected changes not in gold",
                        a.detected(), a.total(), pct(ratio(a.detected(), a.total())), a.extra())
                : "not implemented: no amendment detector is plugged into QualityPlugins.amendmentDetector(); "
                        + a.total() + " gold amendments wait to be detected";
    }

    /** The summary for QUALITY.md: headline numbers against targets, per-type F1, fields, real corpus. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        LabelScores test = e.types("test");
        LabelScores train = e.types("train");
        FieldScores f = e.fields;
        GoldSet g = e.gold;
        b.append("Measured ").append(LocalDate.now()).append(" with `").append(COMMAND).append("`; gold set: ")
                .append(g.documents().size()).append(" documents, ").append(g.clauseCount()).append(" clauses (test split ")
                .append(g.split("test").stream().mapToInt(d -> d.clauses().size()).sum()).append(").\n\n");
        b.append("| Measure | Today | Target |\n|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| Clause boundaries, F1 (P / R) | %.3f (%.3f / %.3f) | — |%n",
                e.boundaries.f1(), e.boundaries.precision(), e.boundaries.recall()));
        b.append(String.format(Locale.ROOT, "| Clause number as written / heading right | %s / %s | — |%n",
                pct(e.boundaries.numberAccuracy()), pct(e.boundaries.headingAccuracy())));
        b.append(String.format(Locale.ROOT, "| Clause type macro-F1, held-out (test) | **%.3f** (accuracy %s) | ≥ 0.90 |%n",
                test.macroF1(), pct(test.accuracy())));
        b.append(String.format(Locale.ROOT, "| Clause type macro-F1, train | %.3f (accuracy %s) | — |%n", train.macroF1(), pct(train.accuracy())));
        b.append(String.format(Locale.ROOT, "| Fields right where present | **%s** (%d/%d) | ≥ 95 %% |%n",
                pct(f.accuracyOverall()), f.correctOverall(), f.totalOverall()));
        b.append(String.format(Locale.ROOT, "| Document kind | %s | — |%n", pct(e.kinds.accuracy())));
        b.append("| Family links | ").append(e.links.implemented() ? pct(ratio(e.links.correct(), e.links.total())) : "not implemented")
                .append(" | every link right |\n");
        b.append("| Amendments detected | ").append(e.amendments.implemented()
                ? pct(ratio(e.amendments.detected(), e.amendments.total())) : "not implemented").append(" | — |\n");
        b.append("| realdocs 第X条 recovered | ").append(real.skipped() != null ? "skipped" : String.format(Locale.ROOT, "**%s** (%d/%d)",
                pct(real.share()), real.recovered(), real.articles())).append(" | ≥ 98 % |\n");
        b.append("\nClause types, F1 per type (n = gold clauses found by the splitter):\n\n| Type | test n | test F1 | train n | train F1 |\n|---|---|---|---|---|\n");
        for (String type : taxonomy.names()) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s |%n", type, test.support(type),
                    test.support(type) == 0 ? "—" : String.format(Locale.ROOT, "%.2f", test.f1(type)), train.support(type),
                    train.support(type) == 0 ? "—" : String.format(Locale.ROOT, "%.2f", train.f1(type))));
        }
        b.append("\nFields:\n\n| Field | Right | Accuracy | Spurious |\n|---|---|---|---|\n");
        for (String field : FieldScores.FIELDS) {
            b.append(String.format(Locale.ROOT, "| %s | %d/%d | %s | %d |%n", field, f.correct(field), f.total(field),
                    pct(f.accuracy(field)), f.spurious(field)));
        }
        if (real.skipped() == null) {
            b.append("\nReal corpus (`../shared/realdocs`), 第X条 lines recovered as clauses with that number:\n\n| File | Articles | Recovered |\n|---|---|---|\n");
            for (ArticleRecovery.FileResult r : real.files()) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", r.file(), r.articles(),
                        r.skipped() != null ? r.skipped() : r.recovered() + " (" + pct(r.share()) + ")"));
            }
        }
        return b.toString();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static String abbreviate(List<String> items, int max) {
        if (items.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + ", … (+" + (items.size() - max) + ")" : shown;
    }
}
