package org.hetong.search.quality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A judged query set: the development set {@code src/test/resources/relevance/queries.tsv}, the
 * held-out set {@code heldout.tsv}, the second held-out set {@code heldout2.tsv} or the sealed third, fourth
 * and fifth held-out sets {@code heldout3.tsv}, {@code heldout4.tsv} and {@code heldout5.tsv} beside it, with documents (aliases for paths), queries as typed,
 * and graded judgments naming clauses by document and number. The development set's header explains
 * the format; every malformed line fails with its file and line number.
 *
 * <p>Not for: resolving clauses against an archive ({@link JudgmentResolver} does that).
 */
record JudgedQueries(Map<String, List<String>> documents, List<Query> queries) {
    /** The development set: the queries the ranking was tuned on. */
    static final String RESOURCE = "/relevance/queries.tsv";
    /** The held-out set: queries written after that tuning, to test whether it carries over. */
    static final String HELD_OUT = "/relevance/heldout.tsv";
    /** The second held-out set: written by another author and judged from the clause dump before any ranking was run. */
    static final String HELD_OUT_2 = "/relevance/heldout2.tsv";
    /**
     * The third held-out set, SEALED: written by yet another author and judged from the clause dump before any
     * ranking was run; only its averages are ever reported (see {@link RelevanceReport#sealed(String, JudgmentResolver)}).
     */
    static final String HELD_OUT_3 = "/relevance/heldout3.tsv";
    /**
     * The fourth held-out set, SEALED like the third: written by a fourth author from the clause dump alone, without
     * reading the other sets' queries — so some of its query texts are ones an earlier set also asks (and the
     * ranking was tuned on), judged anew; {@link #splitBy(java.util.Set)} separates them.
     */
    static final String HELD_OUT_4 = "/relevance/heldout4.tsv";
    /** The fifth held-out set, SEALED: a fifth author, blind like the fourth, no query text of an earlier set. */
    static final String HELD_OUT_5 = "/relevance/heldout5.tsv";

    /** Query texts of these sets. */
    static java.util.Set<String> textsOf(List<JudgedQueries> sets) {
        java.util.Set<String> texts = new java.util.HashSet<>();
        sets.forEach(set -> set.queries().forEach(q -> texts.add(q.text())));
        return texts;
    }

    /** This set's queries whose text is not among {@code texts} (first) and those whose text is (second). */
    List<JudgedQueries> splitBy(java.util.Set<String> texts) {
        return List.of(new JudgedQueries(documents, queries.stream().filter(q -> !texts.contains(q.text())).toList()),
                new JudgedQueries(documents, queries.stream().filter(q -> texts.contains(q.text())).toList()));
    }

    JudgedQueries {
        documents = Map.copyOf(documents);
        queries = List.copyOf(queries);
    }

    /** One query as typed, with its category and judgments. */
    record Query(String id, String category, String text, List<Judgment> judgments) {
        Query {
            judgments = List.copyOf(judgments);
        }
    }

    /** A graded clause: 2 exactly what was asked, 1 partly relevant. */
    record Judgment(int grade, String document, String clause, String reason, int line) {}

    /** The development set. */
    static JudgedQueries load() throws IOException {
        return load(RESOURCE);
    }

    static JudgedQueries load(String resource) throws IOException {
        try (InputStream in = JudgedQueries.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, "the judged query set " + resource + " is not on the test class path");
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static JudgedQueries parse(String text) {
        return parse(RESOURCE, text);
    }

    static JudgedQueries parse(String resource, String text) {
        Map<String, List<String>> documents = new LinkedHashMap<>();
        List<Query> queries = new ArrayList<>();
        String id = null;
        String category = null;
        String query = null;
        List<Judgment> judgments = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String raw = lines[i];
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String[] f = raw.split("\t", -1);
            switch (f[0]) {
                case "doc" -> {
                    require(resource, f.length >= 3, line, "a document line is: doc, alias, path [, path …]");
                    require(resource, !documents.containsKey(f[1]), line, "document alias " + f[1] + " is defined twice");
                    documents.put(f[1], List.of(java.util.Arrays.copyOfRange(f, 2, f.length)));
                }
                case "query" -> {
                    require(resource, f.length == 4 && !f[3].isBlank(), line, "a query line is: query, id, category, query text");
                    if (id != null) {
                        queries.add(new Query(id, category, query, judgments));
                    }
                    String newId = f[1];
                    require(resource, queries.stream().noneMatch(q -> q.id().equals(newId)), line, "query id " + newId + " is used twice");
                    id = newId;
                    category = f[2];
                    query = f[3];
                    judgments = new ArrayList<>();
                }
                case "1", "2" -> {
                    require(resource, id != null, line, "a judgment comes after its query line");
                    require(resource, f.length == 4 && !f[3].isBlank(), line, "a judgment is: grade, document alias, clause, reason");
                    require(resource, documents.containsKey(f[1]), line, "unknown document alias " + f[1] + "; define it with a doc line");
                    judgments.add(new Judgment(Integer.parseInt(f[0]), f[1], f[2], f[3], line));
                }
                default -> throw new IllegalArgumentException(resource + " line " + line + ": unknown line kind '" + f[0]
                        + "' (expected doc, query, 1 or 2)");
            }
        }
        if (id != null) {
            queries.add(new Query(id, category, query, judgments));
        }
        return new JudgedQueries(documents, queries);
    }

    private static void require(String resource, boolean condition, int line, String message) {
        if (!condition) {
            throw new IllegalArgumentException(resource + " line " + line + ": " + message);
        }
    }
}
