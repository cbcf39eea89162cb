package org.hetong.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.hetong.testing.DocumentFormats.Format;

/**
 * Writes a generated corpus of contract families to a folder, with a manifest beside it
 * ({@code FOLDER-manifest.tsv}: path, format, documents, clauses, text bytes, family), outside the
 * folder so that importing the folder imports only documents. Deterministic: the same arguments give the
 * same files. Run it with
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.hetong.testing.CorpusWriter \
 *     -Dexec.args="--out /tmp/corpus --documents 10000"
 * </pre>
 *
 * Options: {@code --documents N} (default 1000), {@code --clauses N} (stop at about this many
 * searchable clauses), {@code --seed S} (default 8), {@code --formats docx:35,pdf:30,txt:25,gbk:10},
 * {@code --zip PERCENT} of families as one ZIP (default 8), {@code --articles MIN-MAX} per contract
 * (default 12-36), {@code --contracts-only}.
 */
public final class CorpusWriter {
    private CorpusWriter() {}

    /** What a written corpus holds. */
    public record Summary(int files, int documents, long clauses, long fileBytes, long textBytes, Map<Format, Integer> formats,
                          double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d files, %,d documents, ~%,d clauses, %.1f MB on disk, %.1f MB of text %s in %.1f s",
                    files, documents, clauses, fileBytes / 1e6, textBytes / 1e6, formats, seconds);
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        int documents = 1000;
        long clauses = Long.MAX_VALUE;
        long seed = 8;
        String formats = "docx:35,pdf:30,txt:25,gbk:10";
        int zip = 8;
        int minArticles = 12;
        int maxArticles = 36;
        boolean contractsOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--documents" -> documents = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--clauses" -> clauses = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--formats" -> formats = args[++i];
                case "--zip" -> zip = Integer.parseInt(args[++i]);
                case "--articles" -> {
                    String[] range = args[++i].split("-");
                    minArticles = Integer.parseInt(range[0]);
                    maxArticles = Integer.parseInt(range[1]);
                }
                case "--contracts-only" -> contractsOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --out DIR [--documents N] [--clauses N] [--seed S] [--formats docx:35,pdf:30,txt:25,gbk:10]"
                        + " [--zip PERCENT] [--articles MIN-MAX] [--contracts-only]");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required: the folder to write the corpus to");
        }
        if (clauses != Long.MAX_VALUE && documents == 1000) {
            documents = Integer.MAX_VALUE;
        }
        ContractCorpus corpus = new ContractCorpus(new ContractCorpus.Options(seed, documents, clauses,
                ContractCorpus.Options.weights(formats), zip, minArticles, maxArticles, contractsOnly));
        Summary summary = write(corpus, out);
        System.out.println("CORPUS " + out + ": " + summary);
    }

    public static Path manifestOf(Path out) {
        return out.toAbsolutePath().resolveSibling(out.getFileName() + "-manifest.tsv");
    }

    /** Writes every file of {@code corpus} below {@code out}, and the manifest. */
    public static Summary write(Iterable<ContractCorpus.CorpusFile> corpus, Path out) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(out);
        int files = 0;
        int documents = 0;
        long clauses = 0;
        long fileBytes = 0;
        long textBytes = 0;
        Map<Format, Integer> formats = new EnumMap<>(Format.class);
        try (BufferedWriter manifest = Files.newBufferedWriter(manifestOf(out), StandardCharsets.UTF_8)) {
            manifest.write("path\tformat\tdocuments\tclauses\ttext_bytes\tfamily\n");
            for (ContractCorpus.CorpusFile f : corpus) {
                Path file = out.resolve(f.path());
                Files.createDirectories(file.getParent());
                Files.write(file, f.bytes());
                manifest.write(f.path() + "\t" + f.format() + "\t" + f.documents() + "\t" + f.clauses() + "\t" + f.textBytes() + "\t"
                        + f.family() + "\n");
                files++;
                documents += f.documents();
                clauses += f.clauses();
                fileBytes += f.bytes().length;
                textBytes += f.textBytes();
                formats.merge(f.format(), 1, Integer::sum);
            }
        }
        return new Summary(files, documents, clauses, fileBytes, textBytes, formats, (System.nanoTime() - started) / 1e9);
    }
}
