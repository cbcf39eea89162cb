package org.hetong.solr.plugin;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.hetong.index.AnalyzerFactory;

/**
 * A token filter applied to Latin-script tokens only: {@code filter when=latin} of
 * {@code analyzers.txt} (there built with {@code CustomAnalyzer.whenTerm}), for a Solr schema:
 * {@code <filter class="org.hetong.solr.plugin.LatinOnlyFilterFactory" filter="porterStem"/>}; other
 * parameters go to the inner filter.
 */
public final class LatinOnlyFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {
    public static final String NAME = "hetongLatinOnly";
    private final TokenFilterFactory inner;

    public LatinOnlyFilterFactory(Map<String, String> args) {
        super(args);
        String name = require(args, "filter");
        Map<String, String> innerArgs = new HashMap<>(args);
        args.clear();
        this.inner = TokenFilterFactory.forName(name, innerArgs);
    }

    /** For SPI. */
    public LatinOnlyFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public void inform(ResourceLoader loader) throws IOException {
        if (inner instanceof ResourceLoaderAware aware) {
            aware.inform(loader);
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ConditionalTokenFilter(input, inner::create) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            protected boolean shouldFilter() {
                return AnalyzerFactory.isLatin(term);
            }
        };
    }
}
