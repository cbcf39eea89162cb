package org.hetong.search.quality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hetong.search.QuerySyntaxException;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchService;

/**
 * The behaviours issue 5 names besides the averages, checked on the real archive and reported (not
 * asserted): traditional script finds and highlights simplified text, a quoted phrase matches only
 * itself, and an article number in digits finds the article written in Chinese numerals.
 */
final class SearchBehaviourChecks {
    record Check(String name, boolean passed, String detail) {}

    private static final String QUOTE_MARKS = "[\"“”「」『』《》〈〉‘’']";

    private final SearchService search;
    private final RelevanceArchive archive;

    SearchBehaviourChecks(SearchService search, RelevanceArchive archive) {
        this.search = search;
        this.archive = archive;
    }

    List<Check> run() throws IOException, QuerySyntaxException {
        return List.of(traditionalScript(), exactPhrase(), articleNumber());
    }

    /** 智慧財產權 finds 知识产权 clauses, and each 知识产权 in their highlights is marked, nothing else. */
    Check traditionalScript() throws IOException, QuerySyntaxException {
        List<SearchHit> hits = hits("智慧財產權", 20);
        List<SearchHit> withTerm = hits.stream().filter(h -> h.text().contains("知识产权")).toList();
        int exact = 0;
        List<String> problems = new ArrayList<>();
        for (SearchHit h : withTerm) {
            Marked m = Marked.of(h.highlight());
            String verdict = m.marksExactly("知识产权");
            if (verdict == null) {
                exact++;
            } else if (problems.size() < 3) {
                problems.add(h.number() + " " + verdict);
            }
        }
        boolean passed = !withTerm.isEmpty() && exact == withTerm.size();
        String example = withTerm.isEmpty() ? "" : " e.g. «" + shorten(withTerm.get(0).highlight(), 90) + "»";
        return new Check("智慧財產權 finds 知识产权 and highlights it", passed,
                withTerm.size() + " of the top " + hits.size() + " hits contain 知识产权; " + exact + " of them mark every 知识产权 "
                        + "and nothing else" + (problems.isEmpty() ? "" : "; not: " + String.join("; ", problems)) + example);
    }

    /** "不可抗力事件" returns only clauses that contain exactly 不可抗力事件 once quote marks are removed. */
    Check exactPhrase() throws IOException, QuerySyntaxException {
        String phrase = "不可抗力事件";
        List<SearchHit> hits = hits("\"" + phrase + "\"", SearchRequest.MAX_SIZE);
        List<String> wrong = hits.stream().filter(h -> !h.text().replaceAll(QUOTE_MARKS, "").contains(phrase))
                .map(h -> h.number() + " «" + shorten(h.text(), 30) + "»").toList();
        long expected = archive.units.stream().filter(u -> u.text().replaceAll(QUOTE_MARKS, "").contains(phrase)).count();
        return new Check("\"不可抗力事件\" matches only the exact phrase", wrong.isEmpty() && hits.size() == expected,
                hits.size() + " hits, " + wrong.size() + " without the phrase" + (wrong.isEmpty() ? "" : " " + wrong)
                        + "; the archive has " + expected + " clauses with it");
    }

    /** 第13条 finds the clauses numbered 第十三条. */
    Check articleNumber() throws IOException, QuerySyntaxException {
        Set<String> articles = archive.units.stream().filter(u -> "第十三条".equals(u.number()))
                .map(RelevanceArchive.Unit::id).collect(Collectors.toSet());
        List<SearchHit> hits = hits("第13条", SearchRequest.MAX_SIZE);
        long found = hits.stream().filter(h -> articles.contains(h.clauseId())).count();
        long inTop10 = hits.stream().limit(10).filter(h -> articles.contains(h.clauseId())).count();
        return new Check("第13条 finds 第十三条", found == articles.size() && inTop10 == Math.min(10, articles.size()),
                found + " of the " + articles.size() + " clauses numbered 第十三条 among " + hits.size() + " hits; "
                        + inTop10 + " of the top 10 are 第十三条");
    }

    private List<SearchHit> hits(String query, int size) throws IOException, QuerySyntaxException {
        return search.search(new SearchRequest(query, null, null, null, null, null, 1, size, null)).hits();
    }

    static String shorten(String s, int max) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    /** A highlight as plain text with the characters inside {@code <mark>} flagged. */
    record Marked(String text, boolean[] marked) {
        static Marked of(String highlight) {
            StringBuilder plain = new StringBuilder();
            List<Boolean> flags = new ArrayList<>();
            boolean inMark = false;
            for (int i = 0; i < highlight.length(); ) {
                if (highlight.startsWith("<mark>", i)) {
                    inMark = true;
                    i += 6;
                } else if (highlight.startsWith("</mark>", i)) {
                    inMark = false;
                    i += 7;
                } else if (highlight.charAt(i) == '&') {
                    int semi = highlight.indexOf(';', i);
                    plain.append(unescape(highlight.substring(i, semi + 1)));
                    flags.add(inMark);
                    i = semi + 1;
                } else {
                    plain.append(highlight.charAt(i));
                    flags.add(inMark);
                    i++;
                }
            }
            boolean[] marked = new boolean[flags.size()];
            for (int i = 0; i < marked.length; i++) {
                marked[i] = flags.get(i);
            }
            return new Marked(plain.toString(), marked);
        }

        private static String unescape(String entity) {
            return switch (entity) {
                case "&lt;" -> "<";
                case "&gt;" -> ">";
                case "&amp;" -> "&";
                case "&quot;" -> "\"";
                case "&#x27;" -> "'";
                case "&#x2F;" -> "/";
                default -> "?";
            };
        }

        /** Null when every occurrence of {@code term} is fully marked and no other character is; else why not. */
        String marksExactly(String term) {
            boolean[] expected = new boolean[text.length()];
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                for (int i = at; i < at + term.length(); i++) {
                    expected[i] = true;
                }
            }
            StringBuilder unmarked = new StringBuilder();
            StringBuilder extra = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                if (expected[i] && !marked[i]) {
                    unmarked.append(text.charAt(i));
                } else if (!expected[i] && marked[i]) {
                    extra.append(text.charAt(i));
                }
            }
            if (unmarked.isEmpty() && extra.isEmpty()) {
                return null;
            }
            return (unmarked.isEmpty() ? "" : "unmarked «" + unmarked + "» ") + (extra.isEmpty() ? "" : "also marked «" + extra + "»");
        }
    }
}
