package org.hetong.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * {@code filter legalMerge dictionaries=legal-terms.txt,thuocl-terms.txt} in
 * {@code index-config/analyzers.txt}: the dictionaries are word lists, one term per line, # comments;
 * {@code subTerms=true} also stacks the dictionary terms among a joined term's pieces (index chain).
 */
public final class LegalTermMergeFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {
    public static final String NAME = "legalMerge";

    private final String dictionaries;
    private final boolean subTerms;
    private Set<String> terms;
    private int maxLength;

    public LegalTermMergeFilterFactory(Map<String, String> args) {
        super(args);
        dictionaries = require(args, "dictionaries");
        subTerms = getBoolean(args, "subTerms", false);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("legalMerge takes only dictionaries=… and subTerms=…, not " + args);
        }
    }

    /** For Lucene's service loader only. */
    public LegalTermMergeFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public void inform(ResourceLoader loader) throws IOException {
        Set<String> all = new HashSet<>();
        for (String file : splitFileNames(dictionaries)) {
            for (String line : getLines(loader, file.strip())) {
                String t = line.strip();
                if (!t.isEmpty()) {
                    all.add(t);
                }
            }
        }
        terms = Set.copyOf(all);
        maxLength = all.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The merged dictionary, for checks that other configuration uses known terms. */
    public Set<String> terms() {
        return terms;
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new LegalTermMergeFilter(input, terms, maxLength, subTerms);
    }
}
