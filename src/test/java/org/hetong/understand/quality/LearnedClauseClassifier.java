package org.hetong.understand.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.classification.BM25NBClassifier;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.Classifier;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.classification.SimpleNaiveBayesClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A clause-type classifier learned from labelled clauses with Lucene's classification module: the
 * examples go into a small in-memory index once (heading + body, analysed with hetong's word chain
 * and, optionally, its character-bigram chain), and each clause is then classified by k nearest
 * neighbours or naive Bayes over that index.
 *
 * <p>The alternative that {@link ClauseTypeComparison} measures against the rules of
 * {@code ClauseClassifier}. It lives with the evaluation, not in the importer, because the rules
 * measure better on our gold set (QUALITY.md); moving it to {@code src/main} with its examples
 * shipped as data is all it would take to use it. Not thread-safe.
 */
public final class LearnedClauseClassifier implements AutoCloseable {
    /** The models of Lucene's classification module that we measure. */
    public enum Method { KNN, NAIVE_BAYES, BM25_NAIVE_BAYES }

    /** A labelled clause to learn from. */
    public record Example(String type, String heading, String text) {
        public Example {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A type with the model's score (a probability for naive Bayes, a vote weight for kNN). */
    public record Prediction(String type, double score) {}

    private static final String TYPE = "type";
    private static final String WORDS = "words";
    private static final String BIGRAMS = "bigrams";

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final Classifier<BytesRef> model;
    private final Method method;

    /**
     * @param words   a word-level analyzer (hetong's {@code precise} chain)
     * @param bigrams a character-bigram analyzer (hetong's {@code bigram} chain), or null for words only
     * @param k       neighbours for {@link Method#KNN}; ignored otherwise
     */
    public LearnedClauseClassifier(List<Example> examples, Method method, Analyzer words, Analyzer bigrams, int k) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a learned classifier needs at least one labelled example");
        }
        this.method = method;
        Analyzer analyzer = bigrams == null ? words
                : new PerFieldAnalyzerWrapper(words, Map.of(BIGRAMS, bigrams));
        String[] fields = bigrams == null ? new String[] {WORDS} : new String[] {WORDS, BIGRAMS};
        try {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Example e : examples) {
                    Document doc = new Document();
                    doc.add(new StringField(TYPE, e.type(), Field.Store.YES));
                    String text = textOf(e.heading(), e.text());
                    for (String field : fields) {
                        doc.add(new TextField(field, text, Field.Store.NO));
                    }
                    writer.addDocument(doc);
                }
            }
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory example index", e);
        }
        this.model = switch (method) {
            case KNN -> knn(analyzer, k, fields);
            case NAIVE_BAYES -> new SimpleNaiveBayesClassifier(reader, analyzer, null, TYPE, fields);
            case BM25_NAIVE_BAYES -> new BM25NBClassifier(reader, analyzer, null, TYPE, fields);
        };
    }

    private Classifier<BytesRef> knn(Analyzer analyzer, int k, String[] fields) {
        try {
            return new KNearestNeighborClassifier(reader, new BM25Similarity(), analyzer, null, k, 1, 1, TYPE, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the kNN classifier", e);
        }
    }

    /** What the model reads of a clause: its heading, then its text. */
    static String textOf(String heading, String text) {
        return heading == null || heading.isBlank() ? text : heading + "\n" + text;
    }

    public Method method() {
        return method;
    }

    /** The types the model gives the clause, best first; empty when it has nothing to go on. */
    public List<Prediction> classify(String heading, String text) {
        String input = textOf(heading, text);
        if (input.isBlank()) {
            return List.of();
        }
        try {
            List<ClassificationResult<BytesRef>> results = model.getClasses(input);
            List<Prediction> out = new ArrayList<>();
            if (results != null) {
                for (ClassificationResult<BytesRef> r : results) {
                    out.add(new Prediction(r.getAssignedClass().utf8ToString(), r.getScore()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot classify a clause with the in-memory example index", e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the in-memory example index", e);
        }
    }
}
