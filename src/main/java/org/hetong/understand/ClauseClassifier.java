package org.hetong.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gives each clause a type from the taxonomy the way a lawyer reads it: by its heading first — a
 * clause headed 保密 is a confidentiality clause even when its body mentions 违约金 — and by the
 * words of its body when the heading names no type (or there is none).
 *
 * <p>Heading: the type with the longest heading term wins, then the term named first
 * (质量保证与售后服务 → 质量保证/保修), then the body. A clause without a heading from the splitter is
 * read with the first line of its text as heading when that line is heading-like (short, no sentence
 * punctuation; a bilingual "责任限制 Limitation of Liability" gives its Chinese part). Body: the sum
 * of the weights of the distinct body terms present (see {@code index-config/clause-types.txt});
 * whitespace is ignored, and neither a letter's contact lines (联系人：… 电话：…) nor the titles it cites
 * (《信息系统运维服务合同》 names a contract, not the clause's topic) are read.
 *
 * <p>Secondary type: a second type the heading names apart from the first (合同变更与终止), else the
 * best other body type when it scores at least half of the primary's body score.
 *
 * <p>Stateless and thread-safe; no model, no I/O: it runs on every imported clause.
 */
public final class ClauseClassifier {
    /** Below this body score a clause without a deciding heading gets no type. */
    static final double MIN_BODY_SCORE = 1.0;
    private static final double SECONDARY_SHARE = 0.5;
    private static final double MIN_SECONDARY_SCORE = 1.5;
    private static final Pattern LAYOUT = Pattern.compile("[\\s\\u3000【】*#]+");
    private static final Pattern CONTACT_LINE = Pattern.compile("(?m)^\\s*(联系人|联系电话|电话|邮箱|电子邮箱|传真)\\s*[:：].*$");
    private static final Pattern LATIN_TAIL = Pattern.compile("\\s+[A-Za-z][A-Za-z ,&'’/()-]*$");
    private static final Pattern SENTENCE = Pattern.compile("[，,。；;！？]");
    private static final Pattern CITED_TITLE = Pattern.compile("《[^《》\\n]{1,80}》");

    /** How a clause's type was decided. */
    public enum Basis { ROLE, HEADING, BODY, NONE }

    /** A clause's types and what decided them; {@code bodyScore} is the primary type's body score. */
    public record Decision(String primary, String secondary, Basis basis, double bodyScore) {}

    private final ClauseTaxonomy taxonomy;

    public ClauseClassifier(ClauseTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public ClauseTaxonomy taxonomy() {
        return taxonomy;
    }

    public List<Clause> classify(List<Clause> clauses) {
        List<Clause> out = new ArrayList<>(clauses.size());
        for (Clause clause : clauses) {
            out.add(classify(clause));
        }
        return out;
    }

    public Clause classify(Clause clause) {
        Decision d = decide(clause);
        return clause.withTypes(d.primary(), d.secondary());
    }

    public Decision decide(Clause clause) {
        if (clause.role() == ClauseRole.SIGNATURE) {
            return new Decision(taxonomy.contains("签署") ? "签署" : null, null, Basis.ROLE, 0);
        }
        if (clause.role() == ClauseRole.PREAMBLE) {
            return new Decision(null, null, Basis.ROLE, 0);
        }
        double[] body = bodyScores(clause.text());
        List<HeadingHit> hits = headingHits(headingOf(clause));
        if (!hits.isEmpty()) {
            HeadingHit first = best(hits, body);
            String secondary = secondHeadingType(hits, first);
            if (secondary == null) {
                secondary = secondBodyType(body, first.type, body[first.type]);
            }
            return new Decision(name(first.type), secondary, Basis.HEADING, body[first.type]);
        }
        int best = -1;
        for (int t = 0; t < body.length; t++) {
            if (body[t] >= MIN_BODY_SCORE && (best < 0 || body[t] > body[best])) {
                best = t;
            }
        }
        if (best < 0) {
            return new Decision(null, null, Basis.NONE, 0);
        }
        return new Decision(name(best), secondBodyType(body, best, body[best]), Basis.BODY, body[best]);
    }

    /** The clause's heading, or its first line when that reads as a heading; "" when there is none. */
    static String headingOf(Clause clause) {
        String heading = clause.heading();
        if (heading != null && !heading.isBlank()) {
            return heading;
        }
        String text = clause.text().strip();
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).strip();
        if (clause.number() != null && line.startsWith(clause.number())) {
            line = line.substring(clause.number().length());
        }
        line = line.replaceFirst("^[\\s\\u3000、.．:：)）】*]+", "").replace("*", "").strip();
        String chinese = LATIN_TAIL.matcher(line).replaceFirst("").strip();
        boolean bilingual = chinese.length() < line.length();
        if (chinese.isEmpty() || chinese.length() > 24 || SENTENCE.matcher(chinese).find()) {
            return "";
        }
        if (!bilingual && nl < 0) {
            return ""; // a one-line clause is all body
        }
        return chinese;
    }

    private record HeadingHit(int type, int length, int start) {
        int end() {
            return start + length;
        }
    }

    /** Every heading term found, with where. */
    private List<HeadingHit> headingHits(String heading) {
        List<HeadingHit> hits = new ArrayList<>();
        String h = LAYOUT.matcher(heading).replaceAll("");
        if (h.isEmpty()) {
            return hits;
        }
        for (int t = 0; t < taxonomy.types().size(); t++) {
            for (String term : taxonomy.types().get(t).headingTerms()) {
                int at = h.indexOf(term);
                if (at >= 0) {
                    hits.add(new HeadingHit(t, term.length(), at));
                }
            }
        }
        return hits;
    }

    /** Longest term, then the one named first, then the stronger body, then file order. */
    private static HeadingHit best(List<HeadingHit> hits, double[] body) {
        HeadingHit best = null;
        for (HeadingHit h : hits) {
            if (best == null || h.length > best.length
                    || (h.length == best.length && (h.start < best.start
                    || (h.start == best.start && body[h.type] > body[best.type])))) {
                best = h;
            }
        }
        return best;
    }

    /** A second type the heading names apart from the first (not part of the same compound word). */
    private String secondHeadingType(List<HeadingHit> hits, HeadingHit first) {
        HeadingHit second = null;
        for (HeadingHit h : hits) {
            boolean apart = h.end() < first.start || h.start > first.end();
            if (h.type != first.type && apart && (second == null || h.length > second.length
                    || (h.length == second.length && h.start < second.start))) {
                second = h;
            }
        }
        return second == null ? null : name(second.type);
    }

    private String secondBodyType(double[] body, int primary, double primaryScore) {
        int second = -1;
        for (int t = 0; t < body.length; t++) {
            if (t != primary && (second < 0 || body[t] > body[second])) {
                second = t;
            }
        }
        if (second < 0 || body[second] < Math.max(MIN_SECONDARY_SCORE, primaryScore * SECONDARY_SHARE)) {
            return null;
        }
        return name(second);
    }

    /** The body score of every type with one (see {@link #bodyScores(String)}), by type name. */
    public java.util.Map<String, Double> bodyScores(Clause clause) {
        double[] scores = bodyScores(clause.text());
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int t = 0; t < scores.length; t++) {
            if (scores[t] > 0) {
                out.put(name(t), scores[t]);
            }
        }
        return out;
    }

    /** Per type: the weights of its distinct body terms present, a quarter more per repetition (up to three). */
    double[] bodyScores(String text) {
        String read = CITED_TITLE.matcher(CONTACT_LINE.matcher(text).replaceAll("")).replaceAll("《》");
        String body = LAYOUT.matcher(read).replaceAll("");
        double[] scores = new double[taxonomy.types().size()];
        for (int t = 0; t < scores.length; t++) {
            double score = 0;
            for (ClauseTaxonomy.Term term : taxonomy.types().get(t).bodyTerms()) {
                int count = occurrences(body, term.text());
                if (count > 0) {
                    score += term.weight() * (1 + Math.min(count - 1, 3) * 0.25);
                }
            }
            scores[t] = score;
        }
        return scores;
    }

    private String name(int type) {
        return taxonomy.types().get(type).name();
    }

    static int occurrences(String text, String term) {
        int count = 0;
        int from = 0;
        while ((from = text.indexOf(term, from)) >= 0) {
            count++;
            from += term.length();
        }
        return count;
    }
}
