package org.hetong.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.junit.jupiter.api.Test;

class ClauseQueryBuilderTest {
    private static final ClauseQueryBuilder BUILDER =
            new ClauseQueryBuilder(new IndexAnalyzers(ConfigFiles.fromDirectory(Path.of("index-config"))), null);

    private static String query(String text) throws QuerySyntaxException {
        return BUILDER.build(new SearchRequest(text, null, null, null, null, null, 1, 10, null)).toString();
    }

    private static String relaxedQuery(String text) throws QuerySyntaxException {
        return BUILDER.build(new SearchRequest(text, null, null, null, null, null, 1, 10, null), true).toString();
    }

    @Test
    void aRelaxedQueryAlsoLooksForAWordByHalfOfItsCharacterPairs() throws QuerySyntaxException {
        java.util.regex.Pattern halfOfThePairs = java.util.regex.Pattern.compile("text_bigram:付款 text_bigram:款节 text_bigram:节点\\)~1");
        assertTrue(halfOfThePairs.matcher(relaxedQuery("付款节点")).find(), relaxedQuery("付款节点"));
        assertFalse(halfOfThePairs.matcher(query("付款节点")).find(), "only when relaxed: " + query("付款节点"));
    }

    @Test
    void aTwoCharacterWordIsRelaxedToItsCharactersOnlyUnderAFilter() throws QuerySyntaxException {
        assertTrue(relaxedQuery("期限 type:保密").contains("text_bigram:?期"), relaxedQuery("期限 type:保密"));
        assertTrue(BUILDER.build(new SearchRequest("期限", "保密", null, null, null, null, 1, 10, null), true).toString()
                .contains("text_bigram:限?"), "a filter of the request narrows too");
        assertFalse(relaxedQuery("期限").contains("text_bigram:?期"), "across the whole archive 期 alone is too common: " + relaxedQuery("期限"));
        assertFalse(query("期限 type:保密").contains("text_bigram:?期"), "only when relaxed");
    }

    @Test
    void anExcludedWordIsNeverRelaxed() throws QuerySyntaxException {
        String q = relaxedQuery("付款节点 -违约责任");
        assertTrue(q.contains("款节"), q);
        assertFalse(q.contains("(text_bigram:违约 text_bigram:约责 text_bigram:责任)~1"), q);
    }

    @Test
    void anExcludedWordIsTakenAsWrittenWithoutItsSynonyms() throws QuerySyntaxException {
        assertTrue(query("侵权").contains("侵犯"), "侵权 = 侵犯 when searched for: " + query("侵权"));
        String q = query("知识产权 -侵权");
        assertTrue(q.contains("-") && q.contains("侵权"), q);
        assertFalse(q.contains("侵犯"), "-侵权 must not also drop the clauses that say 侵犯: " + q);
    }

    @Test
    void aWordASynonymRuleReplacesIsNotLookedForByItsOwnCharacterPairs() throws QuerySyntaxException {
        String q = relaxedQuery("智慧財產權");
        assertTrue(q.contains("知识产权"), q);
        // No "half of the pairs" clause (…)~2: 财产 alone would be found and highlighted in other words.
        assertFalse(java.util.regex.Pattern.compile("\\)~\\d").matcher(q).find(), q);
    }

    @Test
    void englishSynonymsAreAppliedBeforeStemming() throws QuerySyntaxException {
        String q = query("indemnification");
        // Porter: indemnification → indemnif, indemnity → indemn, indemnify → indemnifi; the synonyms join them.
        for (String stem : new String[] {"indemnif", "indemn", "indemnifi"}) {
            assertTrue(java.util.regex.Pattern.compile("text:" + stem + "(?![a-z])").matcher(q).find(), stem + " in " + q);
        }
    }

    @Test
    void aParagraphReferenceWithoutANumberIsNotAnError() throws QuerySyntaxException {
        assertFalse(query("第9条第（）款").isEmpty());
        assertTrue(query("第9条第3款").contains("text_bigram:三"), "articles 9 with a third paragraph rank first");
    }
}
