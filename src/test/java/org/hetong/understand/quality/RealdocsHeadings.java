package org.hetong.understand.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.Extraction;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseRole;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Lists the typed clauses hetong finds in {@code ../shared/realdocs} (model contracts we did not
 * write and did not label) with the type the production rules give them:
 * {@code mvn -B test -Dtest=RealdocsHeadings}. For reading while editing the taxonomy — which
 * headings of real contracts get no type or an odd one — without touching the gold set's test split.
 * Writes {@code <build dir>/quality/realdocs-clause-types.tsv}; asserts nothing.
 */
class RealdocsHeadings {
    @Test
    void realContractHeadingsAreListedWithTheirTypes() throws IOException {
        Path corpus = UnderstandingQuality.REALDOCS.resolve("model-texts");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no " + corpus);
        StringBuilder tsv = new StringBuilder("file\tnumber\theading\ttype\tsecondary\ttext\n");
        try (GoldPipeline pipeline = new GoldPipeline(ConfigFiles.home(), GoldSet.classpathRoot());
             Stream<Path> walk = Files.walk(corpus)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                Extraction e;
                try {
                    e = pipeline.extract(file, file.getFileName().toString());
                } catch (Exception ex) {
                    continue;
                }
                var u = pipeline.understandText(e.text(), e.mediaType(), file.getFileName().toString(), e.metadata());
                for (Clause c : ClauseAlignment.predictedUnits(u.clauses())) {
                    if (c.role() == ClauseRole.SIGNATURE) {
                        continue;
                    }
                    String text = c.text().replaceAll("\\s+", " ");
                    tsv.append(String.join("\t", file.getFileName().toString(), String.valueOf(c.number()),
                            String.valueOf(c.heading()), String.valueOf(c.clauseType()), String.valueOf(c.secondaryType()),
                            text.substring(0, Math.min(160, text.length())))).append('\n');
                }
            }
        }
        try {
            Path classes = Path.of(RealdocsHeadings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path out = classes.getParent().resolve("quality").resolve("realdocs-clause-types.tsv");
            Files.createDirectories(out.getParent());
            Files.writeString(out, tsv, StandardCharsets.UTF_8);
            System.out.println("(written to " + out + ")");
        } catch (java.net.URISyntaxException e) {
            System.out.println("(could not locate the build directory: " + e.getMessage() + ")");
        }
    }
}
