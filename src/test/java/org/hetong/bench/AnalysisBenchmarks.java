package org.hetong.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.testing.ContractFamilies;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseSplitter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each analysis chain of {@code index-config/analyzers.txt} against the raw SmartCN tokenizer, on
 * the same text: the clauses of generated contracts, one token stream per clause as the index
 * writer sees them. One operation analyses the whole sample ({@link #sampleBytes()} bytes of UTF-8).
 */
@State(Scope.Thread)
public class AnalysisBenchmarks {
    /** Contracts in the sample: about 0.6 MB of clause text. */
    static final int CONTRACTS = 60;

    @Param({"smartcn_raw", "precise", "precise_query", "bigram", "parts"})
    public String chain;

    private List<String> clauses;
    private Analyzer analyzer;
    private Tokenizer raw;

    @Setup
    public void setUp() {
        clauses = sample();
        if (chain.equals("smartcn_raw")) {
            raw = new HMMChineseTokenizer();
            return;
        }
        IndexAnalyzers analyzers = new IndexAnalyzers(ConfigFiles.fromDirectory(Path.of("index-config")));
        analyzer = switch (chain) {
            case "precise" -> analyzers.precise();
            case "precise_query" -> analyzers.preciseQuery();
            case "bigram" -> analyzers.bigram();
            case "parts" -> analyzers.parts();
            default -> throw new IllegalArgumentException("unknown chain " + chain);
        };
    }

    /** The clause texts of the first {@value #CONTRACTS} generated contracts (seed 8). */
    static List<String> sample() {
        ContractFamilies families = new ContractFamilies(8);
        ClauseSplitter splitter = new ClauseSplitter();
        List<String> out = new ArrayList<>();
        for (int f = 0; f < CONTRACTS; f++) {
            for (Clause c : splitter.split(families.contractText(f))) {
                out.add(c.text());
            }
        }
        return out;
    }

    static long sampleBytes() {
        return sample().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    @Benchmark
    public long analyze(Blackhole bh) throws IOException {
        long tokens = 0;
        for (String text : clauses) {
            TokenStream ts;
            if (raw != null) {
                raw.setReader(new StringReader(text));
                ts = raw;
            } else {
                ts = analyzer.tokenStream("text", text);
            }
            ts.reset();
            while (ts.incrementToken()) {
                tokens++;
            }
            ts.end();
            ts.close();
        }
        bh.consume(tokens);
        return tokens;
    }
}
