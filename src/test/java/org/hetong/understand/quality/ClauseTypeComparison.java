package org.hetong.understand.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.understand.ClauseClassifier;
import org.hetong.understand.ClauseTaxonomy;
import org.hetong.understand.LearnedClauseClassifier;
import org.hetong.understand.LearnedClauseClassifier.Method;
import org.junit.jupiter.api.Test;

/**
 * Rules against learned models for clause types: {@code mvn -B test -Dtest=ClauseTypeComparison}.
 *
 * <p>Every classifier is scored on the gold clauses the splitter finds. Learned models are trained on
 * the train split only: their train number is leave-one-family-out cross-validation (each train
 * family classified by a model trained on the other train families), their test number comes from a
 * model trained on the whole train split. The rules have no training; their train number is on the
 * train split directly. Mistakes are printed for the train split only, so tuning never looks at the
 * held-out documents; the test split gives numbers, nothing else.
 */
class ClauseTypeComparison {
    /** A way of typing clauses, given the clauses it may learn from (the rules ignore them). */
    interface Candidate {
        String name();

        Function<TypedClause, String> train(List<TypedClause> training);
    }

    record Scores(String name, LabelScores train, LabelScores test, long nanosPerClause) {}

    @Test
    void rulesAndLearnedModelsAreMeasuredOnTheSameClauses() throws IOException {
        ConfigFiles config = ConfigFiles.fromDirectory(ConfigFiles.home().resolve("index-config"));
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(config);
        IndexAnalyzers analyzers = new IndexAnalyzers(config);
        List<TypedClause> all;
        try (GoldPipeline pipeline = new GoldPipeline(ConfigFiles.home(), GoldSet.classpathRoot())) {
            all = TypedClause.collect(GoldSet.onClasspath(), pipeline);
        }
        List<TypedClause> train = all.stream().filter(c -> !c.isTest()).toList();
        List<TypedClause> test = all.stream().filter(TypedClause::isTest).toList();
        assertTrue(train.size() > 250 && test.size() > 140, "too few found gold clauses: " + train.size() + " / " + test.size());

        ClauseClassifier rules = new ClauseClassifier(taxonomy);
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(fixed("rules (production)", c -> rules.classify(c.clause()).clauseType()));
        for (Method method : Method.values()) {
            for (boolean bigrams : new boolean[] {false, true}) {
                int[] ks = method == Method.KNN ? new int[] {1, 3, 5, 9} : new int[] {0};
                for (int k : ks) {
                    String name = method.name().toLowerCase(Locale.ROOT) + (method == Method.KNN ? " k=" + k : "")
                            + (bigrams ? ", words+bigrams" : ", words");
                    candidates.add(learned(name, training -> new LearnedClauseClassifier(examples(training), method,
                            analyzers.precise(), bigrams ? analyzers.bigram() : null, k)));
                }
            }
        }

        List<Scores> results = new ArrayList<>();
        for (Candidate candidate : candidates) {
            results.add(measure(candidate, train, test));
        }
        StringBuilder out = new StringBuilder("=== Clause types: rules against learned models ===\n");
        out.append(String.format("%-40s %8s %8s %8s %8s %9s%n", "classifier", "train F1", "train acc", "test F1", "test acc", "µs/clause"));
        for (Scores s : results) {
            out.append(String.format(Locale.ROOT, "%-40s %8.3f %8.1f%% %8.3f %8.1f%% %9d%n", s.name(), s.train().macroF1(),
                    100 * s.train().accuracy(), s.test().macroF1(), 100 * s.test().accuracy(), s.nanosPerClause() / 1000));
        }
        Scores production = results.get(0);
        out.append("\nper type (production rules): type, test n, test F1, train n, train F1\n");
        for (String type : taxonomy.names()) {
            out.append(String.format(Locale.ROOT, "  %-14s %3d %5.2f   %3d %5.2f%n", type, production.test().support(type),
                    production.test().f1(type), production.train().support(type), production.train().f1(type)));
        }
        out.append("\ntrain-split mistakes of the production rules (gold → predicted):\n");
        for (TypedClause c : train) {
            String p = rules.classify(c.clause()).clauseType();
            if (!c.type().equals(p)) {
                out.append("  ").append(c.document()).append(' ').append(c.display()).append(": ").append(c.type())
                        .append(" → ").append(p).append('\n');
            }
        }
        System.out.println(out);
        dumpTrain(train, rules);
    }

    private static Candidate fixed(String name, Function<TypedClause, String> classify) {
        return new Candidate() {
            public String name() {
                return name;
            }

            public Function<TypedClause, String> train(List<TypedClause> training) {
                return classify;
            }
        };
    }

    private static Candidate learned(String name, Function<List<TypedClause>, LearnedClauseClassifier> build) {
        return new Candidate() {
            public String name() {
                return name;
            }

            public Function<TypedClause, String> train(List<TypedClause> training) {
                LearnedClauseClassifier model = build.apply(training);
                return c -> {
                    List<LearnedClauseClassifier.Prediction> p = model.classify(c.clause().heading(), c.clause().text());
                    return p.isEmpty() ? null : p.get(0).type();
                };
            }
        };
    }

    static List<LearnedClauseClassifier.Example> examples(List<TypedClause> clauses) {
        return clauses.stream().map(c -> new LearnedClauseClassifier.Example(c.type(), c.clause().heading(), c.clause().text())).toList();
    }

    /** Train: cross-validated by family; test: trained on all of train. */
    private static Scores measure(Candidate candidate, List<TypedClause> train, List<TypedClause> test) {
        LabelScores trainScores = new LabelScores();
        Set<String> groups = new LinkedHashSet<>();
        train.forEach(c -> groups.add(c.group()));
        for (String group : groups) {
            List<TypedClause> rest = train.stream().filter(c -> !c.group().equals(group)).toList();
            Function<TypedClause, String> f = candidate.train(rest);
            for (TypedClause c : train) {
                if (c.group().equals(group)) {
                    trainScores.add(c.type(), f.apply(c), c.secondary(), c.document() + " " + c.display());
                }
            }
        }
        Function<TypedClause, String> f = candidate.train(train);
        LabelScores testScores = new LabelScores();
        long start = System.nanoTime();
        for (TypedClause c : test) {
            testScores.add(c.type(), f.apply(c), c.secondary(), c.document() + " " + c.display());
        }
        long perClause = (System.nanoTime() - start) / Math.max(1, test.size());
        return new Scores(candidate.name(), trainScores, testScores, perClause);
    }

    /** The train clauses as the classifier sees them, for reading while tuning (never the test split). */
    private static void dumpTrain(List<TypedClause> train, ClauseClassifier rules) throws IOException {
        StringBuilder tsv = new StringBuilder("document\tclause\tgold\tsecondary\trules\theading\ttext\n");
        for (TypedClause c : train) {
            var typed = rules.classify(c.clause());
            tsv.append(String.join("\t", c.document(), c.display(), c.type(), String.valueOf(c.secondary()),
                    typed.clauseType() + "/" + typed.secondaryType(), String.valueOf(c.clause().heading()),
                    c.clause().text().replaceAll("\\s+", " "))).append('\n');
        }
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "hetong-train-clauses.tsv");
        Files.writeString(out, tsv, StandardCharsets.UTF_8);
        System.out.println("(train clauses written to " + out + ")");
    }
}
