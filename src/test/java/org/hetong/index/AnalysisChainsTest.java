package org.hetong.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis chains of index-config/analyzers.txt, built as the index builds them. */
class AnalysisChainsTest {
    private static final IndexAnalyzers ANALYZERS = new IndexAnalyzers(ConfigFiles.fromDirectory(Path.of("index-config")));

    /** A token: its term, the original text it covers, its position, and whether it is stacked on the previous one. */
    private record Token(String term, String original, int position, boolean stacked) {
        @Override
        public String toString() {
            return term + "[" + original + "]";
        }
    }

    private static List<Token> analyse(Analyzer analyzer, String text) throws IOException {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(new Token(term.toString(), text.substring(offset.startOffset(), offset.endOffset()), position,
                        increment.getPositionIncrement() == 0));
            }
            ts.end();
        }
        return out;
    }

    /** Tokens with the original text each covers, as "token[original]". */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        return analyse(analyzer, text).stream().map(Token::toString).toList();
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        return tokens(analyzer, text).stream().map(t -> t.substring(0, t.indexOf('['))).toList();
    }

    @Test
    void traditionalTextIsIndexedAsSimplifiedWithOffsetsOnTheOriginalCharacters() throws IOException {
        assertTrue(tokens(ANALYZERS.precise(), "本合同項下的知識產權歸甲方所有").contains("知识产权[知識產權]"));
        assertEquals(terms(ANALYZERS.bigram(), "保密義務"), terms(ANALYZERS.bigram(), "保密义务"));
    }

    @Test
    void legalTermsSplitBySmartcnAreJoinedBackTogether() throws IOException {
        assertTrue(terms(ANALYZERS.precise(), "竞业限制期限为两年").contains("竞业限制"));
        assertTrue(terms(ANALYZERS.precise(), "不可抗力导致延误").contains("不可抗力"));
        assertTrue(terms(ANALYZERS.precise(), "知识产权归甲方").contains("知识产权"));
    }

    @Test
    void anIndexedWordAlsoStandsForTheDictionaryTermsInsideItAtItsOwnPosition() throws IOException {
        // 软件著作权 is one term of the precision field, and 著作权 is indexed at the same position,
        // on its own characters: a query 著作权 finds it, and a phrase through it still lines up.
        List<Token> indexed = analyse(ANALYZERS.precise(), "乙方享有软件著作权登记");
        int whole = position(indexed, "软件著作权[软件著作权]");
        assertEquals(whole, position(indexed, "著作权[著作权]"), indexed.toString());
        assertTrue(terms(ANALYZERS.precise(), "适用个人信息保护法").contains("个人信息"));
        // A query keeps the word whole: 软件著作权 asks for the whole term, not for any 软件.
        assertEquals(List.of("软件著作权"), terms(ANALYZERS.preciseQuery(), "软件著作权"));
    }

    @Test
    void zhuIsKeptAsWrittenSoCopyrightStaysOneTermInBothScripts() throws IOException {
        // ICU's traditional-to-simplified table folds 著 into 着; 著作权 is then no dictionary term at all.
        assertEquals(List.of("著作权"), terms(ANALYZERS.preciseQuery(), "著作权"));
        assertEquals(List.of("著作权"), terms(ANALYZERS.preciseQuery(), "著作權"));
        assertTrue(terms(ANALYZERS.precise(), "本軟體的著作權歸甲方").contains("著作权"));
    }

    /** The words of a text: its tokens without those stacked on a word's position (a joined term's sub-terms). */
    private static List<String> words(Analyzer analyzer, String text) throws IOException {
        return analyse(analyzer, text).stream().filter(t -> !t.stacked()).map(Token::term).toList();
    }

    private static int position(List<Token> tokens, String token) {
        return tokens.stream().filter(t -> t.toString().equals(token)).findFirst().map(Token::position)
                .orElseThrow(() -> new AssertionError(token + " not among " + tokens));
    }

    @Test
    void articleNumbersInChineseAndArabicMeet() throws IOException {
        assertEquals(terms(ANALYZERS.precise(), "第585条"), terms(ANALYZERS.precise(), "第五百八十五条"));
        assertEquals(terms(ANALYZERS.bigram(), "第12条"), terms(ANALYZERS.bigram(), "第十二条"));
        assertTrue(tokens(ANALYZERS.precise(), "依据第五百八十五条").contains("585[五百八十五]"), "offsets cover the numeral as written");
    }

    @Test
    void quoteAndBookTitleMarksDoNotBreakPhrases() throws IOException {
        assertEquals(terms(ANALYZERS.bigram(), "不可抗力事件"), terms(ANALYZERS.bigram(), "“不可抗力”事件"));
        assertEquals(terms(ANALYZERS.precise(), "民法典第585条"), terms(ANALYZERS.precise(), "《民法典》第585条"));
    }

    @Test
    void fullWidthCharactersFoldToHalfWidth() throws IOException {
        assertEquals(terms(ANALYZERS.bigram(), "abc123号"), terms(ANALYZERS.bigram(), "ＡＢＣ１２３号"));
    }

    @Test
    void numbersAmountsAndCodesStayWholeInTheRecallField() throws IOException {
        List<String> terms = terms(ANALYZERS.bigram(), "合同编号HT-2023-0417，总价100,000.00元，费率3.2%");
        assertTrue(terms.contains("ht_2023_0417"), terms.toString());
        assertTrue(terms.contains("100,000.00"), terms.toString());
        assertTrue(terms.contains("3.2"), terms.toString());
    }

    @Test
    void englishIsStemmedAndChineseIsNot() throws IOException {
        assertEquals(terms(ANALYZERS.precise(), "liability"), terms(ANALYZERS.precise(), "liabilities"));
        assertEquals(terms(ANALYZERS.precise(), "indemnify"), terms(ANALYZERS.precise(), "indemnified"));
        assertTrue(terms(ANALYZERS.precise(), "保密义务").stream().allMatch(t -> t.codePoints().allMatch(c -> c > 0x2E80)));
    }

    @Test
    void wordsWithLegalMeaningAreNotDroppedAsStopwords() throws IOException {
        List<String> terms = terms(ANALYZERS.precise(), "不得向第三方披露，但法律另有规定的除外，或经甲方同意");
        assertTrue(terms.contains("不得") || terms.contains("不"), terms.toString());
        assertTrue(terms.contains("除外"), terms.toString());
        assertTrue(terms.contains("或"), terms.toString());
    }

    @Test
    void queryTimeSynonymsExpandRolesAndRegionalTerms() throws IOException {
        assertTrue(terms(ANALYZERS.preciseQuery(), "委托方").contains("甲方"));
        assertTrue(terms(ANALYZERS.preciseQuery(), "竞业禁止").contains("竞业限制"));
        assertTrue(terms(ANALYZERS.preciseQuery(), "智慧財產權").contains("知识产权"));
        assertTrue(terms(ANALYZERS.preciseQuery(), "尾款").contains("余款"));
        assertTrue(terms(ANALYZERS.preciseQuery(), "合同有效期").contains("合同期限"));
        List<String> indemnity = terms(ANALYZERS.preciseQuery(), "indemnification");
        for (String word : List.of("indemnity", "indemnify", "hold", "harmless")) {
            assertTrue(indemnity.containsAll(terms(ANALYZERS.precise(), word)), "indemnification → " + indemnity + " lacks " + word);
        }
        assertEquals(List.of("委托方"), terms(ANALYZERS.precise(), "委托方"), "no synonyms at index time");
    }

    @Test
    void everySynonymIsOneWordOfThePrecisionField() throws IOException {
        for (ConfigFiles.NumberedLine line : ConfigFiles.fromDirectory(Path.of("index-config")).lines("legal-synonyms.txt")) {
            for (String term : line.text().split("=>|,")) {
                // An English term may be several words (hold harmless), each one token (stemmed after the synonyms).
                for (String t : term.strip().split(" ")) {
                    List<String> terms = words(ANALYZERS.precise(), t);
                    boolean oneToken = AnalyzerFactory.isLatin(t) ? terms.size() == 1 : terms.equals(List.of(t));
                    assertTrue(oneToken, "legal-synonyms.txt line " + line.number() + ": 「" + t + "」 is " + terms
                            + " in the precision field, not one token (add it to legal-terms.txt), so the synonym would never apply");
                }
            }
        }
    }

    @Test
    void aBrokenChainFailsStartUpNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("analyzers.txt"), "[precise]\ntokenizer hmmChinese\nfilter noSuchFilter\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AnalyzerFactory.load(ConfigFiles.fromDirectory(dir)));
        assertTrue(e.getMessage().contains("analyzers.txt") && e.getMessage().contains("第 3 行"), e.getMessage());
    }

    @Test
    void configurationCannotLoadArbitraryClasses(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("syn.txt"), "a, b\n");
        Files.writeString(dir.resolve("analyzers.txt"),
                "[x]\ntokenizer whitespace\nfilter synonymGraph synonyms=syn.txt format=java.lang.Runtime\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AnalyzerFactory.load(ConfigFiles.fromDirectory(dir)));
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    }
}
