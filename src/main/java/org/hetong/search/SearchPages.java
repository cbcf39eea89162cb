package org.hetong.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.hetong.index.IndexFields;

/**
 * What every search backend does alike with the ranked clauses: how many candidates to fetch,
 * grouping near-identical template clauses, the highlighter's settings, and the text shown when
 * nothing is highlighted. Kept in one place so both backends page and highlight the same way.
 */
public final class SearchPages {
    public static final int SNIPPET_PASSAGES = 3;
    /** Candidates fetched per result shown, so that grouping templates still fills a page. */
    private static final int GROUP_FETCH = 3;
    private static final int MAX_WINDOW = 1500;
    /** The number of facet values reported per dimension. */
    public static final int FACET_VALUES = 30;

    private SearchPages() {}

    /** How many ranked candidates a request needs. */
    public static int window(SearchRequest request) {
        return Math.min(MAX_WINDOW, request.page() * request.size() * GROUP_FETCH);
    }

    /** Reads a candidate's clause text. */
    @FunctionalInterface
    public interface TextOf<T> {
        String text(T candidate) throws IOException;
    }

    /**
     * Near-identical clauses (one template, different names or amounts) collapse into one hit:
     * groups in rank order, each led by its best-ranked clause.
     */
    public static <T> List<List<T>> group(List<T> candidates, TextOf<T> textOf) throws IOException {
        List<List<T>> groups = new ArrayList<>();
        List<Set<Integer>> signatures = new ArrayList<>();
        for (T candidate : candidates) {
            Set<Integer> signature = TemplateGroups.signature(textOf.text(candidate));
            int match = -1;
            if (signature.size() >= 8) {
                for (int g = 0; g < groups.size() && match < 0; g++) {
                    if (TemplateGroups.jaccard(signature, signatures.get(g)) >= TemplateGroups.SAME_TEMPLATE) {
                        match = g;
                    }
                }
            }
            if (match >= 0) {
                groups.get(match).add(candidate);
            } else {
                List<T> group = new ArrayList<>();
                group.add(candidate);
                groups.add(group);
                signatures.add(signature);
            }
        }
        return groups;
    }

    /** The groups the request's page shows. */
    public static <T> List<List<T>> page(List<List<T>> groups, SearchRequest request) {
        int from = (request.page() - 1) * request.size();
        return from >= groups.size() ? List.of() : groups.subList(from, Math.min(groups.size(), from + request.size()));
    }

    /**
     * The highlighter of {@link IndexFields#TEXT}: matches of the recall (bigram) field mark the same
     * characters through masked fields; HTML is escaped, so {@code <mark>} is the only markup.
     */
    public static UnifiedHighlighter highlighter(IndexSearcher searcher, Analyzer perField) {
        return UnifiedHighlighter.builder(searcher, perField)
                .withMaskedFieldsFunc(field -> field.equals(IndexFields.TEXT) ? Set.of(IndexFields.TEXT_BIGRAM) : Set.of())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(200_000)
                .build();
    }

    /** What a hit shows when the highlighter found nothing to mark: the start of the clause, escaped. */
    public static String unhighlighted(String text) {
        return SearchService.escape(text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
