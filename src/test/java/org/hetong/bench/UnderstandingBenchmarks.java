package org.hetong.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hetong.config.ConfigFiles;
import org.hetong.testing.ContractFamilies;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseClassifier;
import org.hetong.understand.ClauseSplitter;
import org.hetong.understand.ClauseTaxonomy;
import org.hetong.understand.FieldExtractor;
import org.hetong.understand.Understander;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The understanding steps on generated documents of all kinds (contracts, supplements, letters):
 * clause splitting, classification, field extraction, and the whole {@link Understander}. One
 * operation handles the whole sample of {@link #DOCUMENTS} documents.
 */
@State(Scope.Thread)
public class UnderstandingBenchmarks {
    static final int DOCUMENTS = 100;

    private List<String> texts;
    private List<String> titles;
    private List<List<Clause>> split;
    private List<List<Clause>> classified;
    private ClauseSplitter splitter;
    private ClauseClassifier classifier;
    private FieldExtractor fields;
    private Understander understander;

    @Setup
    public void setUp() {
        texts = sample();
        titles = new ArrayList<>();
        for (String t : texts) {
            titles.add(t.substring(0, t.indexOf('\n')));
        }
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config")));
        splitter = new ClauseSplitter();
        classifier = new ClauseClassifier(taxonomy);
        fields = new FieldExtractor();
        understander = new Understander(taxonomy);
        split = new ArrayList<>();
        classified = new ArrayList<>();
        for (String t : texts) {
            List<Clause> clauses = splitter.split(t);
            split.add(clauses);
            classified.add(classifier.classify(clauses));
        }
    }

    /** The texts of the documents of the first families (seed 8), up to {@value #DOCUMENTS}. */
    static List<String> sample() {
        ContractFamilies families = new ContractFamilies(8);
        List<String> out = new ArrayList<>();
        for (int f = 0; out.size() < DOCUMENTS; f++) {
            for (ContractFamilies.Doc d : families.family(f).docs()) {
                if (out.size() < DOCUMENTS) {
                    out.add(d.text());
                }
            }
        }
        return out;
    }

    static long sampleBytes() {
        return sample().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    @Benchmark
    public void split(Blackhole bh) {
        for (String t : texts) {
            bh.consume(splitter.split(t));
        }
    }

    @Benchmark
    public void classify(Blackhole bh) {
        for (List<Clause> clauses : split) {
            bh.consume(classifier.classify(clauses));
        }
    }

    @Benchmark
    public void extractFields(Blackhole bh) {
        for (int i = 0; i < texts.size(); i++) {
            bh.consume(fields.extract(texts.get(i), classified.get(i), titles.get(i)));
        }
    }

    @Benchmark
    public void understand(Blackhole bh) {
        for (String t : texts) {
            bh.consume(understander.understand(t, "text/plain", "合同.txt", null, null));
        }
    }
}
