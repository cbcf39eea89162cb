package org.hetong.search.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the clauses the judgments name in a built archive: document path plus clause number
 * ({@code 第十四条}), a unique piece of text ({@code ~合同编号}) or both ({@code 第十三条~委托人应按}),
 * and {@code #n} for the n-th of several that match in document order ({@code 附件四#1}).
 * A judgment on a collection that is not present (realdocs missing) is dropped, not an error;
 * one that names no clause, or several, is an error.
 */
final class JudgmentResolver {
    /** A query with its judgments as clause ids of this archive, and the judged clauses that did not resolve. */
    record ResolvedQuery(JudgedQueries.Query query, Map<String, Integer> grades, int dropped) {
        ResolvedQuery {
            grades = Map.copyOf(grades);
        }

        long relevant() {
            return grades.values().stream().filter(g -> g > 0).count();
        }
    }

    private final RelevanceArchive archive;
    private final JudgedQueries set;
    private final Map<String, List<RelevanceArchive.Unit>> unitsByPath = new HashMap<>();
    private final Map<String, String> aliasByPath = new HashMap<>();
    final List<String> errors = new ArrayList<>();
    final List<ResolvedQuery> queries = new ArrayList<>();

    JudgmentResolver(RelevanceArchive archive, JudgedQueries set) {
        this.archive = archive;
        this.set = set;
        for (RelevanceArchive.Unit u : archive.units) {
            for (String p : u.paths()) {
                unitsByPath.computeIfAbsent(p, k -> new ArrayList<>()).add(u);
            }
        }
        set.documents().forEach((alias, paths) -> paths.forEach(p -> aliasByPath.putIfAbsent(p, alias)));
        set.documents().forEach((alias, paths) -> paths.forEach(p -> {
            if (present(p) && !unitsByPath.containsKey(p)) {
                errors.add("document " + alias + ": " + p + " has no indexed clause in the archive");
            }
        }));
        for (JudgedQueries.Query q : set.queries()) {
            queries.add(resolve(q));
        }
    }

    private boolean present(String path) {
        return !path.startsWith(RelevanceArchive.REALDOCS_PREFIX) || archive.withRealdocs;
    }

    private ResolvedQuery resolve(JudgedQueries.Query q) {
        Map<String, Integer> grades = new LinkedHashMap<>();
        int dropped = 0;
        for (JudgedQueries.Judgment j : q.judgments()) {
            for (String path : set.documents().get(j.document())) {
                if (!present(path)) {
                    dropped++;
                    continue;
                }
                List<RelevanceArchive.Unit> found = find(path, j.clause());
                if (found.size() != 1) {
                    errors.add(q.id() + " line " + j.line() + ": " + j.document() + " " + j.clause() + " names "
                            + found.size() + " clauses in " + path + " (expected exactly one)");
                    continue;
                }
                Integer before = grades.put(found.get(0).id(), j.grade());
                if (before != null && before != j.grade()) {
                    errors.add(q.id() + " line " + j.line() + ": " + j.document() + " " + j.clause() + " is judged twice, "
                            + before + " and " + j.grade());
                }
            }
        }
        return new ResolvedQuery(q, grades, dropped);
    }

    private List<RelevanceArchive.Unit> find(String path, String clause) {
        java.util.regex.Matcher nth = java.util.regex.Pattern.compile("#(\\d+)$").matcher(clause);
        if (nth.find()) {
            List<RelevanceArchive.Unit> all = find(path, clause.substring(0, nth.start()));
            int n = Integer.parseInt(nth.group(1));
            return n >= 1 && n <= all.size() ? List.of(all.get(n - 1)) : List.of();
        }
        int tilde = clause.indexOf('~');
        String number = tilde < 0 ? clause : clause.substring(0, tilde);
        String text = tilde < 0 ? null : squeeze(clause.substring(tilde + 1));
        List<RelevanceArchive.Unit> found = new ArrayList<>();
        for (RelevanceArchive.Unit u : unitsByPath.getOrDefault(path, List.of())) {
            boolean numberMatches = number.isEmpty() || number.equals(u.number());
            boolean textMatches = text == null || squeeze(u.text()).contains(text);
            if (numberMatches && textMatches) {
                found.add(u);
            }
        }
        return found;
    }

    /** Text without whitespace: PDF extraction breaks lines inside sentences. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** A short name for a clause in reports: the document's alias (or file name) and the clause number. */
    String label(String clauseId) {
        RelevanceArchive.Unit u = archive.unitsById.get(clauseId);
        if (u == null) {
            return clauseId;
        }
        String path = u.paths().get(0);
        String doc = aliasByPath.get(path);
        if (doc == null) {
            String base = path.substring(path.lastIndexOf('/') + 1);
            doc = base.length() > 18 ? base.substring(0, 18) + "…" : base;
        }
        List<String> copies = set.documents().getOrDefault(doc, List.of());
        if (copies.size() > 1) {
            doc += "[" + path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) + "]";
        }
        String n = u.number();
        if (n == null) {
            String flat = squeeze(u.text());
            n = "«" + (flat.length() > 10 ? flat.substring(0, 10) + "…" : flat) + "»";
        }
        return doc + " " + n;
    }
}
