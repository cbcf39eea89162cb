package org.hetong.index;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/** {@code charfilter traditionalToSimplified} in {@code index-config/analyzers.txt}. */
public final class TraditionalToSimplifiedCharFilterFactory extends CharFilterFactory {
    public static final String NAME = "traditionalToSimplified";

    public TraditionalToSimplifiedCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("traditionalToSimplified takes no parameters: " + args);
        }
    }

    /** For Lucene's service loader only. */
    public TraditionalToSimplifiedCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new TraditionalToSimplifiedCharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }
}
