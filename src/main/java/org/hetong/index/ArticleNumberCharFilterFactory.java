package org.hetong.index;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/** {@code charfilter articleNumber} in {@code index-config/analyzers.txt}. */
public final class ArticleNumberCharFilterFactory extends CharFilterFactory {
    public static final String NAME = "articleNumber";

    public ArticleNumberCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("articleNumber takes no parameters: " + args);
        }
    }

    /** For Lucene's service loader only. */
    public ArticleNumberCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new ArticleNumberCharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }
}
