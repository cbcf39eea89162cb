package org.hetong.understand.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hetong.understand.ClauseClassifier;
import org.hetong.understand.ClauseClassifier.Basis;

/**
 * The ways of typing clauses that {@link ClauseTypeComparison} measures: hetong's rules, a model
 * learned from the training clauses, and two combinations of them. A candidate is trained on a list
 * of labelled clauses (the rules ignore it) and returns a function from clause to type name.
 */
final class ClauseTypeCandidates {
    private ClauseTypeCandidates() {}

    /** A way of typing clauses, given the clauses it may learn from. */
    interface Candidate {
        String name();

        Function<TypedClause, String> train(List<TypedClause> training);
    }

    /** Builds a learned model from training clauses. */
    interface ModelFactory extends Function<List<TypedClause>, LearnedClauseClassifier> {}

    private record Named(String name, Function<List<TypedClause>, Function<TypedClause, String>> trainer) implements Candidate {
        public Function<TypedClause, String> train(List<TypedClause> training) {
            return trainer.apply(training);
        }
    }

    static Candidate rules(String name, ClauseClassifier rules) {
        return new Named(name, training -> c -> rules.classify(c.clause()).clauseType());
    }

    static Candidate learned(String name, ModelFactory factory) {
        return new Named(name, training -> top(factory.apply(training)));
    }

    /** The rules when their heading decides (or, with {@code orBody}, their body words do); else the model. */
    static Candidate fallback(String name, ClauseClassifier rules, boolean orBody, ModelFactory factory) {
        return new Named(name, training -> {
            Function<TypedClause, String> model = top(factory.apply(training));
            return c -> {
                ClauseClassifier.Decision d = rules.decide(c.clause());
                boolean decided = headed(d) || (orBody && d.basis() == Basis.BODY);
                return decided ? d.primary() : model.apply(c);
            };
        });
    }

    /**
     * The rules when their heading decides; otherwise each type scores its body score as a share of the
     * best body score, plus {@code weight} times the model's share of votes for it; the best wins.
     */
    static Candidate blend(String name, ClauseClassifier rules, double weight, ModelFactory factory) {
        return new Named(name, training -> {
            LearnedClauseClassifier model = factory.apply(training);
            return c -> {
                ClauseClassifier.Decision d = rules.decide(c.clause());
                if (headed(d)) {
                    return d.primary();
                }
                Map<String, Double> total = new HashMap<>();
                Map<String, Double> body = rules.bodyScores(c.clause());
                double top = body.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                if (top >= 1.0) {
                    body.forEach((type, score) -> total.merge(type, score / top, Double::sum));
                }
                List<LearnedClauseClassifier.Prediction> votes = model.classify(c.clause().heading(), c.clause().text());
                double sum = votes.stream().mapToDouble(LearnedClauseClassifier.Prediction::score).sum();
                for (LearnedClauseClassifier.Prediction p : votes) {
                    total.merge(p.type(), weight * p.score() / Math.max(sum, 1e-9), Double::sum);
                }
                return total.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            };
        });
    }

    /** Whether the rules type the clause by its role or its heading rather than by its words. */
    static boolean headed(ClauseClassifier.Decision d) {
        return d.basis() == Basis.ROLE || d.basis() == Basis.HEADING;
    }

    static List<LearnedClauseClassifier.Example> examples(List<TypedClause> clauses) {
        return clauses.stream()
                .map(c -> new LearnedClauseClassifier.Example(c.type(), c.clause().heading(), c.clause().text())).toList();
    }

    private static Function<TypedClause, String> top(LearnedClauseClassifier model) {
        return c -> {
            List<LearnedClauseClassifier.Prediction> p = model.classify(c.clause().heading(), c.clause().text());
            return p.isEmpty() ? null : p.get(0).type();
        };
    }
}
