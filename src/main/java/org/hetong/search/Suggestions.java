package org.hetong.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * As-you-type suggestions of clause headings and legal terms, with Lucene's
 * {@link AnalyzingInfixSuggester}: typing 保 offers 保密, 保密义务, 质量保证…, most frequent first.
 * Han characters are single tokens to the standard analyzer, so a suggestion matches when it
 * contains every typed character, the last one as a prefix. Rebuilt in memory when the archive
 * changed, at most once a minute.
 */
public final class Suggestions {
    private static final long REBUILD_NANOS = 60_000_000_000L;

    private final Supplier<Map<String, Long>> candidates;
    private final LongSupplier version;
    private AnalyzingInfixSuggester suggester;
    private long builtVersion = Long.MIN_VALUE;
    private long builtAt;

    /**
     * @param candidates texts to suggest with their weights (heading counts, term weights)
     * @param version    changes whenever the candidates may have changed (the index version)
     */
    public Suggestions(Supplier<Map<String, Long>> candidates, LongSupplier version) {
        this.candidates = candidates;
        this.version = version;
    }

    /** A suggestion and its weight. */
    public record Suggestion(String text, long weight) {}

    public synchronized List<Suggestion> suggest(String prefix, int size) throws IOException {
        String typed = prefix == null ? "" : prefix.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        ensureBuilt();
        List<Suggestion> out = new ArrayList<>();
        for (Lookup.LookupResult r : suggester.lookup(typed, (Set<BytesRef>) null, size, true, false)) {
            out.add(new Suggestion(r.key.toString(), r.value));
        }
        return out;
    }

    private void ensureBuilt() throws IOException {
        long current = version.getAsLong();
        long now = System.nanoTime();
        if (suggester != null && (current == builtVersion || now - builtAt < REBUILD_NANOS)) {
            return;
        }
        Analyzer analyzer = new StandardAnalyzer();
        AnalyzingInfixSuggester fresh = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzer, analyzer, 1, true);
        fresh.build(new Entries(candidates.get().entrySet().iterator()));
        if (suggester != null) {
            suggester.close();
        }
        suggester = fresh;
        builtVersion = current;
        builtAt = now;
    }

    private static final class Entries implements InputIterator {
        private final Iterator<Map.Entry<String, Long>> source;
        private long weight;

        Entries(Iterator<Map.Entry<String, Long>> source) {
            this.source = source;
        }

        @Override
        public BytesRef next() {
            while (source.hasNext()) {
                Map.Entry<String, Long> e = source.next();
                if (e.getKey() != null && !e.getKey().isBlank() && e.getKey().length() <= 40) {
                    weight = e.getValue();
                    return new BytesRef(e.getKey());
                }
            }
            return null;
        }

        @Override
        public long weight() {
            return weight;
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
