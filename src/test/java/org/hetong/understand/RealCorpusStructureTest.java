package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hetong.ingest.Extractor;
import org.hetong.ingest.IngestLimits;
import org.hetong.ingest.UnreadableDocumentException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how many of the 第X条 articles of the real public contracts under
 * {@code ../shared/realdocs} come out of the splitter as clauses with that number. An article line
 * is a line that starts with 第…条 and is not a cross-reference that wrapped to the start of a line
 * (第三条约定的…, 第五条第二款…); it is found when a clause of role CLAUSE starts on that line with the
 * same number value (第十二条 = 第12条 = 第１２条). Prints per-file numbers; the documents are not ours,
 * so only counts and short excerpts of misses are printed, nothing is kept.
 */
class RealCorpusStructureTest {
    static final Path REALDOCS = Path.of("..", "shared", "realdocs");
    static final double REQUIRED = 0.98;
    private static final Pattern ARTICLE_LINE = Pattern.compile(
            "^[ \\t　]*第[ 　]?([0-9０-９一二三四五六七八九十百零〇两]{1,6})[ 　]?条"
                    + "(?![的之]|\\s*(?:约定|规定|所述|所列|所称|所指|项下|中[的约规所]|第[0-9０-９一二三四五六七八九十]{1,3}[款项]"
                    + "|[至或和及、]第|[（(][一二三四五六七八九十0-9]{1,2}[)）]))",
            Pattern.MULTILINE);

    @TempDir
    Path scratch;

    @Test
    void recoversTheArticlesOfTheRealCorpusAsNumberedClauses() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REALDOCS), () -> {
            String reason = "../shared/realdocs is not beside this checkout; the real-corpus structure measurement needs it";
            System.out.println("SKIPPED: " + reason);
            return reason;
        });
        List<Path> files;
        try (Stream<Path> walk = Files.walk(REALDOCS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Extractor extractor = new Extractor(IngestLimits.defaults(), scratch);
        ClauseSplitter splitter = new ClauseSplitter();
        boolean verbose = Boolean.getBoolean("hetong.structure.verbose");
        int totalArticles = 0;
        int totalFound = 0;
        StringBuilder report = new StringBuilder("real-corpus 第X条 recovery (found/articles):\n");
        for (Path file : files) {
            String name = REALDOCS.relativize(file).toString();
            String text;
            try {
                text = extractor.extract(file, name).text();
            } catch (UnreadableDocumentException e) {
                report.append(String.format("  %-70s unreadable: %s%n", name, e.getMessage()));
                continue;
            }
            List<Clause> clauses = splitter.split(text);
            int[] lines = lineStarts(text);
            Set<Long> clauseStarts = new HashSet<>();
            for (Clause c : clauses) {
                if (c.role() == ClauseRole.CLAUSE && c.numberValue() != null) {
                    clauseStarts.add(((long) lineOf(lines, c.start()) << 20) | c.numberValue());
                }
            }
            int articles = 0;
            int found = 0;
            List<String> misses = new ArrayList<>();
            Matcher m = ARTICLE_LINE.matcher(text);
            while (m.find()) {
                int value = ChineseNumerals.parse(m.group(1));
                if (value < 0) {
                    continue;
                }
                articles++;
                if (clauseStarts.contains(((long) lineOf(lines, m.start()) << 20) | value)) {
                    found++;
                } else if (misses.size() < 12) {
                    int lineEnd = text.indexOf('\n', m.start());
                    String line = text.substring(m.start(), lineEnd < 0 ? text.length() : lineEnd).strip();
                    misses.add(line.length() > 24 ? line.substring(0, 24) + "…" : line);
                }
            }
            totalArticles += articles;
            totalFound += found;
            if (articles > 0 || verbose) {
                report.append(String.format("  %-70s %4d/%-4d %s%n", name, found, articles, percent(found, articles)));
                if (verbose) {
                    misses.forEach(miss -> report.append("      missed: ").append(miss).append('\n'));
                }
            }
        }
        double share = totalArticles == 0 ? 1 : (double) totalFound / totalArticles;
        report.append(String.format("  overall %d/%d %s%n", totalFound, totalArticles, percent(totalFound, totalArticles)));
        System.out.print(report);
        assertTrue(totalArticles > 0, "the corpus has 第X条 articles");
        int found = totalFound;
        int articles = totalArticles;
        assertTrue(share >= REQUIRED, () -> String.format("%d of %d articles recovered (%s), %.0f %% required; see the report above",
                found, articles, percent(found, articles), REQUIRED * 100));
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int at = java.util.Arrays.binarySearch(lineStarts, offset);
        return at >= 0 ? at : -at - 2;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String percent(int found, int total) {
        return total == 0 ? "-" : String.format("%.1f %%", 100.0 * found / total);
    }
}
