package org.hetong.search.quality;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.hetong.index.IndexedClause;
import org.hetong.understand.DocumentKind;

/**
 * The baseline hetong must beat: a plain Lucene index of the very same clause texts, one text field
 * analysed by {@link StandardAnalyzer} (single Han characters, no dictionary, no synonyms, no
 * script folding), queried with Lucene's classic {@link QueryParser} (default operator OR). Filters
 * in the query ({@code type:保密 kind:补充协议 year:2024}) become plain term filters; a query the
 * classic parser rejects finds nothing.
 */
final class BaselineSearch implements Closeable {
    private static final Pattern FILTER = Pattern.compile("(?:^|\\s)(type|kind|year|party|类型|类别|年份|当事方)[:：](\\S+)");
    private static final String ID = "id";
    private static final String TEXT = "text";

    private final Directory directory = new ByteBuffersDirectory();
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    final List<String> rejected = new ArrayList<>();

    BaselineSearch(List<RelevanceArchive.Unit> units) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (RelevanceArchive.Unit u : units) {
                IndexedClause c = u.clause();
                Document doc = new Document();
                doc.add(new StringField(ID, c.clauseId(), Field.Store.YES));
                doc.add(new TextField(TEXT, c.text(), Field.Store.NO));
                if (c.clauseType() != null) {
                    doc.add(new StringField("type", c.clauseType(), Field.Store.NO));
                }
                doc.add(new StringField("kind", c.kind(), Field.Store.NO));
                if (c.year() != null) {
                    doc.add(new StringField("year", String.valueOf(c.year()), Field.Store.NO));
                }
                for (String party : c.parties()) {
                    doc.add(new StringField("party", party, Field.Store.NO));
                }
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    /** The ids of the first {@code n} clauses for a query as typed in hetong's search box. */
    List<String> search(String typed, int n) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Matcher m = FILTER.matcher(typed);
        StringBuilder words = new StringBuilder();
        int last = 0;
        while (m.find()) {
            words.append(typed, last, m.start()).append(' ');
            last = m.end();
            Query filter = filter(m.group(1), m.group(2));
            if (filter == null) {
                return List.of();
            }
            b.add(filter, BooleanClause.Occur.FILTER);
        }
        words.append(typed.substring(last));
        String text = words.toString().strip();
        if (text.isEmpty()) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        } else {
            try {
                b.add(new QueryParser(TEXT, analyzer).parse(text), BooleanClause.Occur.MUST);
            } catch (ParseException | RuntimeException e) {
                rejected.add(typed + ": " + e.getMessage().lines().findFirst().orElse(""));
                return List.of();
            }
        }
        List<String> ids = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(b.build(), n).scoreDocs) {
            ids.add(stored.document(sd.doc).get(ID));
        }
        return ids;
    }

    private static Query filter(String name, String value) {
        return switch (name) {
            case "type", "类型" -> new TermQuery(new Term("type", value));
            case "kind", "类别" -> {
                try {
                    yield new TermQuery(new Term("kind", DocumentKind.parse(value).code()));
                } catch (IllegalArgumentException unknownKind) {
                    yield null;
                }
            }
            case "year", "年份" -> new TermQuery(new Term("year", value));
            default -> new WildcardQuery(new Term("party", "*" + value + "*"));
        };
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
