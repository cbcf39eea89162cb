package org.hetong.understand.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hetong.config.ConfigFiles;
import org.junit.jupiter.api.Test;

/**
 * THE evaluation of contract understanding: {@code mvn -B test -Dtest=UnderstandingQuality}.
 *
 * <p>Runs the real pipeline (Extractor, then Understander with {@code index-config/}) over the gold
 * set and over {@code ../shared/realdocs}, and prints the report — segmentation, clause types per
 * split, fields, kinds, links, amendments, real-corpus 第X条 recovery — followed by the Markdown for
 * QUALITY.md (also written to {@code <build dir>/quality/understanding-quality.md}).
 *
 * <p>It asserts only what holds today and matters for the numbers to mean anything: the gold set is
 * consistent and large enough, and every gold document is read. The targets of QUALITY.md become
 * assertions once they are met.
 */
class UnderstandingQuality {
    static final Path REALDOCS = Path.of("..", "shared", "realdocs");

    @Test
    void goldSetIsEvaluatedAndTheReportPrinted() throws IOException {
        GoldSet gold = GoldSet.onClasspath();
        try (GoldPipeline pipeline = new GoldPipeline(ConfigFiles.home(), GoldSet.classpathRoot())) {
            assertEquals(List.of(), gold.problems(pipeline.taxonomy()), "the gold labels are inconsistent");
            assertTrue(gold.clauseCount() >= 300, "the gold set needs at least 300 clauses, has " + gold.clauseCount());

            UnderstandingEvaluation evaluation = UnderstandingEvaluation.run(gold, pipeline,
                    QualityPlugins.familyLinker(), QualityPlugins.amendmentDetector());
            ArticleRecovery.Result real = new ArticleRecovery(pipeline).measure(REALDOCS);
            QualityReport report = new QualityReport(evaluation, real, pipeline.taxonomy());

            System.out.println(report.text());
            String markdown = report.markdown();
            System.out.println("=== Markdown for QUALITY.md ===\n" + markdown);
            write(markdown);

            assertEquals(0, evaluation.unreadable(), "every gold document must be readable");
            assertTrue(evaluation.boundaries().found() >= 300,
                    "at least 300 gold clauses should be matched to pipeline clauses, were " + evaluation.boundaries().found());
        }
    }

    /** Next to the test classes, so parallel builds with their own -DbuildDir do not collide. */
    private static void write(String markdown) throws IOException {
        try {
            Path classes = Path.of(UnderstandingQuality.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path out = classes.getParent().resolve("quality").resolve("understanding-quality.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            System.out.println("(written to " + out + ")");
        } catch (java.net.URISyntaxException e) {
            System.out.println("(could not locate the build directory: " + e.getMessage() + ")");
        }
    }
}
