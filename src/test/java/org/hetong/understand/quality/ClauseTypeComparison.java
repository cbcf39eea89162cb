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
import org.hetong.understand.quality.ClauseTypeCandidates.Candidate;
import org.hetong.understand.quality.ClauseTypeCandidates.ModelFactory;
import org.hetong.understand.quality.LearnedClauseClassifier.Method;
import org.junit.jupiter.api.Test;

/**
 * Rules against learned models for clause types: {@code mvn -B test -Dtest=ClauseTypeComparison}
 * (add {@code -DrulesOnly=true} for the rules alone, a few seconds, while editing the taxonomy).
 *
 * <p>Every candidate ({@link ClauseTypeCandidates}) is scored on the gold clauses the splitter finds.
 * Learned models see the train split only: their train number is leave-one-family-out
 * cross-validation (each train family typed by a model trained on the other train families), their
 * test number comes from a model trained on the whole train split. The rules have no training; their
 * train number is on the train split itself. Mistakes and the clause dump are of the train split
 * only, so tuning never looks at held-out documents: the test split gives numbers, nothing else.
 * "unheaded" is accuracy on the clauses the rules cannot type by role or heading.
 */
class ClauseTypeComparison {
    record Scores(String name, LabelScores train, LabelScores test, LabelScores unheadedTrain, LabelScores unheadedTest,
                  long microsPerClause) {}

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
        List<Candidate> candidates = new ArrayList<>(List.of(ClauseTypeCandidates.rules("rules (production)", rules)));
        if (!Boolean.getBoolean("rulesOnly")) {
            candidates.addAll(learnedCandidates(rules, analyzers));
        }
        List<Scores> results = new ArrayList<>();
        for (Candidate candidate : candidates) {
            results.add(measure(candidate, train, test, rules));
        }
        String report = report(results, taxonomy, train, rules);
        System.out.println(report);
        write("clause-type-comparison.txt", report);
        write("train-clauses.tsv", trainDump(train, rules));
    }

    private static List<Candidate> learnedCandidates(ClauseClassifier rules, IndexAnalyzers analyzers) {
        List<Candidate> out = new ArrayList<>();
        for (int k : new int[] {1, 3, 9}) {
            out.add(ClauseTypeCandidates.learned("knn k=" + k + ", words", model(Method.KNN, analyzers, false, k)));
            out.add(ClauseTypeCandidates.learned("knn k=" + k + ", words+bigrams", model(Method.KNN, analyzers, true, k)));
        }
        out.add(ClauseTypeCandidates.learned("naive bayes, words", model(Method.NAIVE_BAYES, analyzers, false, 0)));
        out.add(ClauseTypeCandidates.learned("bm25 naive bayes, words", model(Method.BM25_NAIVE_BAYES, analyzers, false, 0)));
        out.add(ClauseTypeCandidates.learned("bm25 naive bayes, words+bigrams", model(Method.BM25_NAIVE_BAYES, analyzers, true, 0)));
        ModelFactory knn9 = model(Method.KNN, analyzers, true, 9);
        out.add(ClauseTypeCandidates.fallback("rules by heading, else knn k=9", rules, false, knn9));
        out.add(ClauseTypeCandidates.fallback("rules by heading or body, else knn k=9", rules, true, knn9));
        for (int k : new int[] {3, 9}) {
            for (double weight : new double[] {0.5, 1, 2}) {
                out.add(ClauseTypeCandidates.blend("rules by heading, else body + " + weight + "×knn k=" + k, rules, weight,
                        model(Method.KNN, analyzers, true, k)));
            }
        }
        return out;
    }

    private static ModelFactory model(Method method, IndexAnalyzers analyzers, boolean bigrams, int k) {
        return training -> new LearnedClauseClassifier(ClauseTypeCandidates.examples(training), method, analyzers.precise(),
                bigrams ? analyzers.bigram() : null, k);
    }

    /** Train: cross-validated by family; test: trained on all of train. */
    private static Scores measure(Candidate candidate, List<TypedClause> train, List<TypedClause> test, ClauseClassifier rules) {
        LabelScores trainScores = new LabelScores();
        LabelScores unheadedTrain = new LabelScores();
        Set<String> groups = new LinkedHashSet<>();
        train.forEach(c -> groups.add(c.group()));
        for (String group : groups) {
            Function<TypedClause, String> f = candidate.train(train.stream().filter(c -> !c.group().equals(group)).toList());
            train.stream().filter(c -> c.group().equals(group)).forEach(c -> add(c, f.apply(c), trainScores, unheadedTrain, rules));
        }
        Function<TypedClause, String> f = candidate.train(train);
        LabelScores testScores = new LabelScores();
        LabelScores unheadedTest = new LabelScores();
        long start = System.nanoTime();
        test.forEach(c -> add(c, f.apply(c), testScores, unheadedTest, rules));
        long micros = (System.nanoTime() - start) / 1000 / Math.max(1, test.size());
        return new Scores(candidate.name(), trainScores, testScores, unheadedTrain, unheadedTest, micros);
    }

    private static void add(TypedClause c, String predicted, LabelScores all, LabelScores unheaded, ClauseClassifier rules) {
        String where = c.document() + " " + c.display();
        all.add(c.type(), predicted, c.secondary(), where);
        if (!ClauseTypeCandidates.headed(rules.decide(c.clause()))) {
            unheaded.add(c.type(), predicted, c.secondary(), where);
        }
    }

    private static String report(List<Scores> results, ClauseTaxonomy taxonomy, List<TypedClause> train, ClauseClassifier rules) {
        StringBuilder out = new StringBuilder("=== Clause types: rules against learned models (macro-F1, accuracy) ===\n");
        out.append(String.format(Locale.ROOT, "%-46s %8s %9s %8s %9s %11s %11s %7s%n", "classifier", "train F1", "train acc",
                "test F1", "test acc", "unheaded tr", "unheaded te", "µs/cl."));
        for (Scores s : results) {
            out.append(String.format(Locale.ROOT, "%-46s %8.3f %8.1f%% %8.3f %8.1f%% %10.1f%% %10.1f%% %7d%n", s.name(),
                    s.train().macroF1(), 100 * s.train().accuracy(), s.test().macroF1(), 100 * s.test().accuracy(),
                    100 * s.unheadedTrain().accuracy(), 100 * s.unheadedTest().accuracy(), s.microsPerClause()));
        }
        Scores production = results.get(0);
        out.append(String.format(Locale.ROOT, "(unheaded clauses: %d train, %d test)%n", production.unheadedTrain().items(),
                production.unheadedTest().items()));
        out.append("\nper type, production rules: test n, test F1, train n, train F1\n");
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
        return out.toString();
    }

    /** The train clauses as the classifier reads them, for studying while tuning (never the test split). */
    private static String trainDump(List<TypedClause> train, ClauseClassifier rules) {
        StringBuilder tsv = new StringBuilder("document\tclause\tgold\tsecondary\trules\tbasis\theading\ttext\n");
        for (TypedClause c : train) {
            ClauseClassifier.Decision d = rules.decide(c.clause());
            tsv.append(String.join("\t", c.document(), c.display(), c.type(), String.valueOf(c.secondary()),
                    d.primary() + "/" + d.secondary(), d.basis().name(), String.valueOf(c.clause().heading()),
                    c.clause().text().replace("\n", " ⏎ ").replace("\t", " "))).append('\n');
        }
        return tsv.toString();
    }

    /** Next to the test classes, like {@link UnderstandingQuality}, so parallel builds do not collide. */
    private static void write(String name, String content) throws IOException {
        try {
            Path classes = Path.of(ClauseTypeComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path out = classes.getParent().resolve("quality").resolve(name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, content, StandardCharsets.UTF_8);
            System.out.println("(written to " + out + ")");
        } catch (java.net.URISyntaxException e) {
            System.out.println("(could not locate the build directory: " + e.getMessage() + ")");
        }
    }
}
