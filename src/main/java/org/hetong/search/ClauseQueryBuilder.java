package org.hetong.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.IndexFields;
import org.hetong.understand.ClauseTaxonomy;
import org.hetong.understand.DocumentKind;

/**
 * Turns a parsed query into a Lucene query over the clause fields.
 *
 * <p>Chinese is written without spaces, so every word a user types is matched as a phrase:
 * 知识产权 must appear as those four characters in order, not as 知识 somewhere and 产权 elsewhere.
 * Each word is looked for in the precision field (SmartCN words), the recall field (character
 * bigrams, which still match where SmartCN segmented the query differently from the text) and the
 * heading, weighted in that order.
 *
 * <p>Public for the SolrCloud backend: hetong's query parser plugin inside Solr builds the very
 * same query from the query text, so both backends rank alike by construction.
 */
public final class ClauseQueryBuilder {
    private static final float PRECISE_BOOST = 4f;
    private static final float HEADING_BOOST = 3f;
    private static final float BIGRAM_BOOST = 2f;
    private static final float HEADING_BIGRAM_BOOST = 1f;
    private static final float NEAR_BOOST = 1.5f;
    private static final float PARTS_BOOST = 0.5f;
    private static final float TYPE_BOOST = 1.5f;
    private static final float CONCEPT_BOOST = 0.3f;
    private static final float PAIRS_BOOST = 0.2f;
    /**
     * In a relaxed search, added to every clause the strict search matches: far above anything a relaxed-only
     * match scores (character pairs at 0.2, a concept's type at 0.3, the named type's 1.5, each times its idf).
     */
    private static final float FULL_MATCH_TIER = 1000f;
    /** The words' score in a clause of a type the query names is multiplied by this. */
    private static final float WORDS_IN_NAMED_TYPE = 2f;
    private static final java.util.regex.Pattern ARTICLE_PART = java.util.regex.Pattern.compile(
            "(第[0-9０-９零〇一二三四五六七八九十百千两]{1,7}条)第([0-9０-９零〇一二三四五六七八九十百（）()]{1,6})[款项]");
    /** Among the articles a paragraph reference names, those that have such a paragraph: a little above the rest. */
    private static final float PARAGRAPH_BOOST = 1f;
    /** Words within a phrase may stand this far apart for the looser match (权利义务 ~ 权利和义务). */
    private static final int NEAR_SLOP = 2;
    /**
     * The parts of a word may stand this many bigram positions apart, in any order: 赔偿责任上限
     * finds "赔偿责任……以合同总价为上限", while 数据安全 does not match 数据 in one sentence and 安全
     * three sentences later.
     */
    private static final int PARTS_WINDOW = 30;
    /** English words that carry no meaning on their own; not required of a clause (not, no, or are kept). */
    private static final java.util.Set<String> ENGLISH_STOPWORDS = java.util.Set.of("a", "an", "the", "of", "for", "to",
            "in", "on", "at", "by", "with", "as", "is", "are", "be", "this", "that", "its", "their", "and");

    private final QueryBuilder precise;
    private final QueryBuilder literal;
    private final QueryBuilder bigram;
    private final Analyzer parts;
    private final ClauseTaxonomy taxonomy;

    public ClauseQueryBuilder(IndexAnalyzers analyzers, ClauseTaxonomy taxonomy) {
        this.precise = new QueryBuilder(analyzers.preciseQuery());
        this.literal = new QueryBuilder(analyzers.preciseLiteral());
        this.bigram = new QueryBuilder(analyzers.bigram());
        this.parts = analyzers.parts();
        this.taxonomy = taxonomy;
    }

    /** The query for the request's query text and filters; a syntax error says what is wrong. */
    public Query build(SearchRequest request) throws QuerySyntaxException {
        return build(request, false);
    }

    /**
     * The query for the request; {@code relaxed}, each unquoted word of three or more characters also
     * matches clauses with half or more of its character pairs, and — when a filter narrows the search — a
     * two-character word clauses with either of its characters in a pair, all ranked below every full match:
     * for when the words as written find too little ({@link SearchService#RELAX_BELOW}).
     */
    public Query build(SearchRequest request, boolean relaxed) throws QuerySyntaxException {
        return build(QueryParser.parse(request.query()), request, relaxed);
    }

    /** How far a query is relaxed: not at all, by character pairs (and concept types), or also by single characters. */
    private enum Relax { NONE, PAIRS, CHARACTERS }

    /** The query for {@code node}, plus the request's own filters. */
    Query build(QueryNode node, SearchRequest request) throws QuerySyntaxException {
        return build(node, request, false);
    }

    private Query build(QueryNode node, SearchRequest request, boolean relaxed) throws QuerySyntaxException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        // A filter has narrowed the clauses to a set the user chose (type:违约责任, kind:往来函件): within it a
        // two-character word may be relaxed to its single characters (验 of 终验), which across a whole archive
        // would match a large share of it.
        Relax relax = !relaxed ? Relax.NONE : narrowed(node, request) ? Relax.CHARACTERS : Relax.PAIRS;
        Query main = toQuery(node, relax);
        Query strict = relax == Relax.NONE ? main : toQuery(node, Relax.NONE);
        // Relaxing may change nothing (a quoted phrase, a two-character word without a filter): then the relaxed
        // query is the strict one, and the search is not run a second time for nothing.
        boolean widened = main != null && !main.equals(strict);
        boolean hasPositive = main != null;
        if (hasPositive) {
            java.util.Set<String> named = typesNamedBy(node);
            if (!named.isEmpty()) {
                BooleanQuery.Builder ofNamedType = new BooleanQuery.Builder();
                for (String type : named) {
                    Query ofType = new TermQuery(new Term(IndexFields.CLAUSE_TYPE, type));
                    ofNamedType.add(ofType, BooleanClause.Occur.SHOULD);
                    b.add(new BoostQuery(ofType, TYPE_BOOST), BooleanClause.Occur.SHOULD);
                }
                // In a clause of the type the query names, the words count twice: the warranty article's 质保期
                // above a payment clause's passing mention of it. A clause has one type, so doubling the score
                // of the words is adding them a second time, without matching them a second time.
                main = FunctionScoreQuery.boostByQuery(main, ofNamedType.build(), WORDS_IN_NAMED_TYPE);
            }
        }
        b.add(hasPositive ? main : new MatchAllDocsQuery(), hasPositive ? BooleanClause.Occur.MUST : BooleanClause.Occur.FILTER);
        if (widened) {
            // What the strict search finds comes first, in its own order; then what only relaxing found. Without
            // the tier a clause of the named type with one character pair of the word (责任 of 责任限制) outranked
            // a clause with the word's parts near each other, by the type's boost alone.
            b.add(new BoostQuery(new ConstantScoreQuery(strict), FULL_MATCH_TIER), BooleanClause.Occur.SHOULD);
        }
        addFilter(b, "type", request.type());
        addFilter(b, "kind", request.kind());
        addFilter(b, "party", request.party());
        addFilter(b, "year", request.year());
        addFilter(b, "contract", request.contract());
        addFilter(b, "risk", request.risk());
        addFilter(b, "ocr", request.ocr());
        return b.build();
    }

    /** Whether a filter, of the request or in the query text (type:保密), narrows the clauses searched. */
    private static boolean narrowed(QueryNode node, SearchRequest request) {
        return request.hasFilters() || hasFilter(node);
    }

    private static boolean hasFilter(QueryNode node) {
        if (node instanceof QueryNode.Filter) {
            return true;
        }
        if (node instanceof QueryNode.And and) {
            return and.nodes().stream().anyMatch(ClauseQueryBuilder::hasFilter);
        }
        return node instanceof QueryNode.Or or && or.nodes().stream().anyMatch(ClauseQueryBuilder::hasFilter);
    }

    /** Null when the node has nothing that scores (only filters or exclusions). */
    private Query toQuery(QueryNode node, Relax relax) throws QuerySyntaxException {
        if (node instanceof QueryNode.Text text) {
            return textQuery(text.text(), text.quoted(), relax);
        }
        if (node instanceof QueryNode.Filter filter) {
            return filterQuery(filter.field(), filter.value());
        }
        if (node instanceof QueryNode.Not not) {
            Query inner = toQuery(asWritten(not.node()), Relax.NONE);
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            if (inner != null) {
                b.add(inner, BooleanClause.Occur.MUST_NOT);
            }
            return b.build();
        }
        if (node instanceof QueryNode.Or or) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (QueryNode option : or.nodes()) {
                Query q = toQuery(option, relax);
                if (q != null) {
                    b.add(q, BooleanClause.Occur.SHOULD);
                }
            }
            return b.build();
        }
        QueryNode.And and = (QueryNode.And) node;
        if (and.nodes().isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        List<QueryNode> nodes = withoutStopwords(and.nodes());
        // A quoted phrase is always required. Of the other words: all rank first, then most (all but
        // one, or one of two), since each word found adds to the score.
        long words = nodes.stream().filter(ClauseQueryBuilder::isOptionalWord).count();
        BooleanClause.Occur wordOccur = words >= 2 ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST;
        for (QueryNode part : nodes) {
            if (part instanceof QueryNode.Not not) {
                Query inner = toQuery(asWritten(not.node()), Relax.NONE);
                if (inner != null) {
                    b.add(inner, BooleanClause.Occur.MUST_NOT);
                }
            } else if (part instanceof QueryNode.Filter filter) {
                b.add(filterQuery(filter.field(), filter.value()), BooleanClause.Occur.FILTER);
            } else {
                Query q = toQuery(part, relax);
                if (q != null) {
                    b.add(q, isOptionalWord(part) ? wordOccur : BooleanClause.Occur.MUST);
                    positive = true;
                }
            }
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        }
        if (wordOccur == BooleanClause.Occur.SHOULD) {
            b.setMinimumNumberShouldMatch((int) Math.max(1, words - 1));
        }
        return b.build();
    }

    /**
     * An excluded word as written, like a quoted phrase: -侵权 drops the clauses that say 侵权, not also those
     * that say 侵犯 (its synonym). An exclusion hides clauses the user never sees, so it takes nothing the
     * user did not type.
     */
    private static QueryNode asWritten(QueryNode node) {
        if (node instanceof QueryNode.Text t) {
            return new QueryNode.Text(t.text(), true);
        }
        if (node instanceof QueryNode.Or or) {
            return new QueryNode.Or(or.nodes().stream().map(ClauseQueryBuilder::asWritten).toList());
        }
        if (node instanceof QueryNode.And and) {
            return new QueryNode.And(and.nodes().stream().map(ClauseQueryBuilder::asWritten).toList());
        }
        return node;
    }

    private static boolean isOptionalWord(QueryNode n) {
        return (n instanceof QueryNode.Text t && !t.quoted()) || n instanceof QueryNode.Or;
    }

    /** Unquoted English stopwords among other words ("termination for convenience") are not required. */
    private static List<QueryNode> withoutStopwords(List<QueryNode> nodes) {
        List<QueryNode> kept = new ArrayList<>();
        for (QueryNode n : nodes) {
            boolean stopword = n instanceof QueryNode.Text t && !t.quoted()
                    && ENGLISH_STOPWORDS.contains(t.text().toLowerCase(java.util.Locale.ROOT));
            if (!stopword) {
                kept.add(n);
            }
        }
        return kept.stream().anyMatch(n -> n instanceof QueryNode.Text) ? kept : nodes;
    }

    /**
     * Clause types a query names through their heading terms (质保期 names 质量保证/保修, 赔偿责任上限
     * names 责任限制): clauses of those types rank higher, they are not required.
     */
    private java.util.Set<String> typesNamedBy(QueryNode node) {
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        if (taxonomy == null) {
            return types;
        }
        List<String> words = new ArrayList<>();
        collectWords(node, words);
        for (String word : words) {
            if (word.length() < 2) {
                continue;
            }
            for (ClauseTaxonomy.ClauseType type : taxonomy.types()) {
                for (String term : type.headingTerms()) {
                    if (term.length() >= 2 && (word.contains(term) || term.contains(word))) {
                        types.add(type.name());
                        break;
                    }
                }
            }
        }
        return types.size() <= 3 ? types : java.util.Set.of(); // a query naming many types names none in particular
    }

    /**
     * Types a word is a variant of: a heading term makes up most (≥ 60 %) of the word without being
     * all of it (质保期 ~ 质保, 赔偿责任上限 ~ 责任上限). 源代码交付 is about source code, not every
     * delivery clause; 责任限制 itself already matches its clauses by its wording.
     */
    private java.util.Set<String> conceptTypes(String word) {
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        if (taxonomy == null || word.length() < 2 || word.length() > 8) {
            return types;
        }
        for (ClauseTaxonomy.ClauseType type : taxonomy.types()) {
            for (String term : type.headingTerms()) {
                if (!term.equals(word) && word.contains(term) && term.length() * 10 >= word.length() * 6) {
                    types.add(type.name());
                    break;
                }
            }
        }
        return types;
    }

    private static void collectWords(QueryNode node, List<String> words) {
        if (node instanceof QueryNode.Text t) {
            words.add(t.text());
        } else if (node instanceof QueryNode.Or or) {
            or.nodes().forEach(n -> collectWords(n, words));
        } else if (node instanceof QueryNode.And and) {
            and.nodes().forEach(n -> collectWords(n, words));
        }
    }

    /**
     * A word or phrase. Ranked: the phrase in the precision field (with legal synonyms), in the
     * heading, in the recall field; then, for an unquoted word, all its parts near each other in the
     * clause (赔偿责任上限 finds "累计赔偿责任……不超过……上限"). A quoted phrase matches only as
     * written: no synonyms ("逾期交付" does not find 逾期交货).
     */
    Query textQuery(String text, boolean quoted) {
        return textQuery(text, quoted, Relax.NONE);
    }

    private Query textQuery(String text, boolean quoted, Relax relax) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int added = 0;
        QueryBuilder words = quoted ? literal : precise;
        added += add(b, words.createPhraseQuery(IndexFields.TEXT, text), PRECISE_BOOST);
        added += add(b, words.createPhraseQuery(IndexFields.HEADING, text), HEADING_BOOST);
        added += add(b, bigram.createPhraseQuery(IndexFields.TEXT_BIGRAM, text), BIGRAM_BOOST);
        added += add(b, bigram.createPhraseQuery(IndexFields.HEADING_BIGRAM, text), HEADING_BIGRAM_BOOST);
        if (!quoted) {
            added += add(b, precise.createPhraseQuery(IndexFields.TEXT, text, NEAR_SLOP), NEAR_BOOST);
            added += add(b, allParts(text), PARTS_BOOST);
            if (relax != Relax.NONE && !rewritten(text)) {
                added += add(b, mostPairs(text), PAIRS_BOOST);
                if (relax == Relax.CHARACTERS) {
                    added += add(b, eitherCharacter(text), PAIRS_BOOST);
                }
            }
            // A short word that names a clause type (质保期 → 质量保证/保修, 赔偿责任上限 → 责任限制) also
            // matches clauses of that type worded otherwise (保修期限为十二个月, 以合同总价为限), ranked lowest.
            // 第9条第3款: the paragraph is inside article 9, which is found by its number.
            java.util.regex.Matcher article = ARTICLE_PART.matcher(text);
            if (article.matches()) {
                // The article's number is an identifier: every article 9 matches it alike, however long its
                // heading (BM25 would put an article without a heading first); its paragraph decides.
                Query heading = precise.createPhraseQuery(IndexFields.HEADING, article.group(1));
                added += add(b, heading == null ? null : new ConstantScoreQuery(heading), HEADING_BOOST);
                added += add(b, withParagraph(heading, article.group(2)), PARAGRAPH_BOOST);
            }
            if (relax != Relax.NONE) {
                for (String type : conceptTypes(text)) {
                    added += add(b, new TermQuery(new Term(IndexFields.CLAUSE_TYPE, type)), CONCEPT_BOOST);
                }
            }
        }
        // Punctuation alone analyses to nothing: it matches nothing rather than everything.
        return added == 0 ? new MatchNoDocsQuery("no searchable characters in '" + text + "'") : b.build();
    }

    /**
     * Clauses of {@code article} whose text has a list marker for paragraph {@code paragraph}: for 第9条第3款,
     * article 9 with a "3." or "（三）" — a lone numeral, which the bigram field keeps as a token of its own
     * (三年 is the pair 三年, not 三). Null when the number is not one.
     */
    private Query withParagraph(Query article, String paragraph) {
        String digits = paragraph.replaceAll("[（）()]", "");
        if (article == null || digits.isEmpty()) {
            return null; // 第9条第（）款: no number
        }
        int n = org.hetong.understand.ChineseNumerals.parse(digits); // 3, ３ or 三; -1 for neither
        if (n < 1 || n > 99) {
            return null;
        }
        String chinese = org.hetong.understand.ChineseNumerals.format(n);
        BooleanQuery.Builder markers = new BooleanQuery.Builder();
        for (String marker : List.of(Integer.toString(n), chinese)) {
            for (String t : bigramsOf(marker)) {
                markers.add(new TermQuery(new Term(IndexFields.TEXT_BIGRAM, t)), BooleanClause.Occur.SHOULD);
            }
        }
        return new BooleanQuery.Builder().add(article, BooleanClause.Occur.FILTER).add(markers.build(), BooleanClause.Occur.MUST).build();
    }

    /** Every part of a word (as SmartCN splits it) near each other in the clause, or null for a one-part word. */
    private Query allParts(String text) {
        List<String> pieces = new ArrayList<>();
        try (TokenStream ts = parts.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            StringBuilder singles = new StringBuilder();
            while (ts.incrementToken()) {
                // Single characters (竞|业) are not words on their own: keep them together (竞业).
                if (term.length() == 1) {
                    singles.append(term);
                    continue;
                }
                if (singles.length() > 0) {
                    pieces.add(singles.toString());
                    singles.setLength(0);
                }
                pieces.add(term.toString());
            }
            if (singles.length() > 0) {
                pieces.add(singles.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pieces.size() < 2) {
            return null;
        }
        List<SpanQuery> spans = new ArrayList<>();
        for (String piece : pieces) {
            List<String> bigrams = bigramsOf(piece);
            if (bigrams.isEmpty()) {
                return null;
            }
            List<SpanQuery> terms = new ArrayList<>();
            for (String t : bigrams) {
                terms.add(new SpanTermQuery(new Term(IndexFields.TEXT_BIGRAM, t)));
            }
            spans.add(terms.size() == 1 ? terms.get(0) : new SpanNearQuery(terms.toArray(new SpanQuery[0]), 0, true));
        }
        return new SpanNearQuery(spans.toArray(new SpanQuery[0]), PARTS_WINDOW, false);
    }

    /**
     * A two-character word's characters, each alone or in any pair of the clause (期 of 期限 in 有效期, 验 of 验收 in
     * 终验), or null for any other word: the relaxed match of a word too short to have pairs to relax on. The
     * wildcards have a fixed first or second character, so they walk only that part of the term dictionary.
     */
    private Query eitherCharacter(String text) {
        List<String> pairs = bigramsOf(text);
        if (pairs.size() != 1 || pairs.get(0).length() != 2 || !Character.isIdeographic(pairs.get(0).charAt(0))
                || !Character.isIdeographic(pairs.get(0).charAt(1))) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (char c : pairs.get(0).toCharArray()) {
            b.add(new TermQuery(new Term(IndexFields.TEXT_BIGRAM, String.valueOf(c))), BooleanClause.Occur.SHOULD);
            b.add(new WildcardQuery(new Term(IndexFields.TEXT_BIGRAM, c + "?")), BooleanClause.Occur.SHOULD);
            b.add(new WildcardQuery(new Term(IndexFields.TEXT_BIGRAM, "?" + c)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * Half or more of a word's character pairs anywhere in the clause, ranked below every other match:
     * a word no clause has whole, nor in parts close together, still finds the clauses with its rarest
     * pairs (付款节点 → 付款 …, 预付款 → 预付 …), as a character index would. Null for a word of fewer than
     * two pairs. Only in a relaxed query: it matches far more clauses than the words (违约 for 违约金), which
     * every search would count for its facets, and whose total would no longer say how many clauses have
     * the words.
     */
    private Query mostPairs(String text) {
        List<String> pairs = bigramsOf(text).stream().distinct().toList();
        if (pairs.size() < 2) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String pair : pairs) {
            b.add(new TermQuery(new Term(IndexFields.TEXT_BIGRAM, pair)), BooleanClause.Occur.SHOULD);
        }
        return b.setMinimumNumberShouldMatch(Math.max(1, pairs.size() / 2)).build();
    }

    /**
     * Whether a synonym rule replaces the word (智慧财产权 => 知识产权): its own characters are then not what
     * is looked for, and their pairs (财产) would find and highlight other words.
     */
    private boolean rewritten(String text) {
        List<String> asSearched = termsOf(precise.getAnalyzer(), IndexFields.TEXT, text);
        return !asSearched.containsAll(termsOf(literal.getAnalyzer(), IndexFields.TEXT, text));
    }

    private List<String> bigramsOf(String piece) {
        return termsOf(bigram.getAnalyzer(), IndexFields.TEXT_BIGRAM, piece);
    }

    private static List<String> termsOf(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int add(BooleanQuery.Builder b, Query q, float boost) {
        if (q == null) {
            return 0;
        }
        b.add(new BoostQuery(ShardSafeQueries.of(q), boost), BooleanClause.Occur.SHOULD);
        return 1;
    }

    private static void addFilter(BooleanQuery.Builder b, String field, String value) throws QuerySyntaxException {
        if (value != null && !value.isBlank()) {
            b.add(filterQuery(field, value.strip()), BooleanClause.Occur.FILTER);
        }
    }

    static Query filterQuery(String field, String value) throws QuerySyntaxException {
        return switch (field) {
            case "type" -> new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.CLAUSE_TYPE, value)), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(IndexFields.CLAUSE_TYPE, canonicalType(value))), BooleanClause.Occur.SHOULD)
                    .build();
            case "kind" -> {
                try {
                    yield new TermQuery(new Term(IndexFields.KIND, DocumentKind.parse(value).code()));
                } catch (IllegalArgumentException e) {
                    throw new QuerySyntaxException("未知的文档类别「" + value + "」。可用：合同(contract)、补充协议(supplement)、"
                            + "往来函件(correspondence)、附件(attachment)、其他(other)。", 0);
                }
            }
            case "party" -> new WildcardQuery(new Term(IndexFields.PARTY, "*" + escapeWildcard(value) + "*"));
            case "year" -> {
                if (!value.matches("\\d{4}")) {
                    throw new QuerySyntaxException("年份「" + value + "」应为四位数字，例如 year:2023。", 0);
                }
                yield new TermQuery(new Term(IndexFields.YEAR, value));
            }
            case "contract" -> new TermQuery(new Term(IndexFields.CONTRACT_ID, value));
            case "risk" -> new WildcardQuery(new Term(IndexFields.RISK, "*" + escapeWildcard(value) + "*"));
            case "ocr" -> ocrFilter(value);
            default -> throw new IllegalStateException("unknown filter " + field);
        };
    }

    /**
     * Clauses read by OCR ({@code ocr:true}) or typed ones ({@code ocr:false}). "Typed" is "not OCR"
     * rather than a term of its own, so clauses indexed before the OCR flag existed count as typed.
     */
    private static Query ocrFilter(String value) throws QuerySyntaxException {
        Query ocr = new TermQuery(new Term(IndexFields.OCR, "true"));
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "是" -> ocr;
            case "false", "no", "0", "否" -> new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                    .add(ocr, BooleanClause.Occur.MUST_NOT)
                    .build();
            default -> throw new QuerySyntaxException("OCR 筛选的值「" + value + "」应为 true 或 false，例如 ocr:true"
                    + "（只看从扫描件识别出的条款）。", 0);
        };
    }

    /** Short names users type for types whose full name has a slash: 争议解决 → 争议解决与法律适用. */
    private static String canonicalType(String value) {
        return switch (value) {
            case "争议解决", "法律适用" -> "争议解决与法律适用";
            case "项目范围", "合同标的" -> "合同标的/项目范围";
            case "质量保证", "保修" -> "质量保证/保修";
            case "服务", "维护", "运维" -> "服务与维护";
            case "付款", "价款", "支付" -> "价款与支付";
            case "数据安全", "信息安全" -> "数据与信息安全";
            default -> value;
        };
    }

    private static String escapeWildcard(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
