package org.hetong.solr.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;
import org.hetong.index.AnalyzerFactory;
import org.hetong.index.ClauseSimilarity;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.IndexFields;
import org.hetong.solr.SolrClauseIndex;

/**
 * Generates the Solr configset of hetong's collection from {@code index-config/}: a schema whose
 * field types are the analysis chains of {@code analyzers.txt} (each component by its factory class;
 * hetong's own from the plugin jar), the fields of the embedded index, and a solrconfig with
 * hetong's query parsers and exact distributed term statistics. The files the chains name (legal
 * terms, synonyms, stopwords, quote marks) are copied beside them.
 *
 * <pre>java -cp hetong-solr.jar:… org.hetong.solr.plugin.Configset index-config target/configset</pre>
 */
public final class Configset {
    /** Chains that become field types, and the fields that use each. */
    private static final Map<String, String> FIELD_TYPES = Map.of(
            "precise", "hetong_precise", "precise_query", "hetong_precise_query", "bigram", "hetong_bigram", "parts", "hetong_parts");

    private Configset() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Configset INDEX_CONFIG_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path out = write(ConfigFiles.fromDirectory(Path.of(args[0])), Path.of(args[1]));
        System.out.println("configset written to " + out + " (upload it: solr zk upconfig -n hetong -d " + out.resolve("conf") + ")");
    }

    /** Writes the configset into {@code out/conf} and returns {@code out}. */
    public static Path write(ConfigFiles files, Path out) throws IOException {
        Path conf = Files.createDirectories(out.resolve("conf"));
        Set<String> resources = new LinkedHashSet<>();
        StringBuilder types = new StringBuilder();
        for (var chain : chains(files).entrySet()) {
            String type = FIELD_TYPES.get(chain.getKey());
            if (type == null) {
                continue;
            }
            types.append("  <fieldType name=\"").append(type)
                    .append("\" class=\"solr.TextField\" positionIncrementGap=\"0\" autoGeneratePhraseQueries=\"false\">\n")
                    .append("    <analyzer>\n");
            for (Component c : chain.getValue()) {
                types.append("      ").append(c.xml()).append('\n');
                resources.addAll(c.files());
            }
            types.append("    </analyzer>\n  </fieldType>\n");
        }
        // The schema's name carries the analysis fingerprint: hetong refuses a collection whose configset came from other files.
        String schemaName = SolrClauseIndex.SCHEMA_PREFIX + new IndexAnalyzers(files).fingerprint();
        Files.writeString(conf.resolve("schema.xml"), schema(schemaName, types.toString()));
        Files.writeString(conf.resolve("solrconfig.xml"), solrconfig());
        for (String name : resources) {
            try (InputStream in = files.open(name)) {
                Files.write(conf.resolve(name), in.readAllBytes());
            }
        }
        return out;
    }

    /** One charFilter, tokenizer or filter line of a chain. */
    record Component(String element, String className, Map<String, String> params) {
        String xml() {
            StringBuilder b = new StringBuilder("<").append(element).append(" class=\"").append(className).append('"');
            params.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
            return b.append("/>").toString();
        }

        /** Parameters naming files of index-config (words=…, synonyms=…, dictionaries=a,b, mapping=…). */
        List<String> files() {
            List<String> names = new ArrayList<>();
            for (String key : List.of("words", "synonyms", "dictionaries", "mapping")) {
                String value = params.get(key);
                if (value != null) {
                    for (String name : value.split(",")) {
                        names.add(name.strip());
                    }
                }
            }
            return names;
        }
    }

    /** The chains of analyzers.txt as Solr analysis components. */
    static Map<String, List<Component>> chains(ConfigFiles files) {
        Map<String, List<Component>> chains = new LinkedHashMap<>();
        List<Component> current = null;
        for (ConfigFiles.NumberedLine line : files.lines(AnalyzerFactory.FILE)) {
            String text = line.text();
            try {
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = new ArrayList<>();
                    chains.put(text.substring(1, text.length() - 1).strip(), current);
                    continue;
                }
                if (current == null) {
                    throw new IllegalArgumentException("a setting before the first [chain]");
                }
                String[] words = text.split("\\s+");
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 2; i < words.length; i++) {
                    int eq = words[i].indexOf('=');
                    params.put(words[i].substring(0, eq), words[i].substring(eq + 1));
                }
                switch (words[0]) {
                    case "charfilter" -> {
                        // In a Solr schema "name" names the component; the ICU normaliser calls its form "form" too.
                        String form = params.remove("name");
                        if (form != null) {
                            params.put("form", form);
                        }
                        current.add(new Component("charFilter", CharFilterFactory.lookupClass(words[1]).getName(), params));
                    }
                    case "tokenizer" -> current.add(new Component("tokenizer", TokenizerFactory.lookupClass(words[1]).getName(), params));
                    case "filter" -> {
                        String when = params.remove("when");
                        if (when == null) {
                            current.add(new Component("filter", TokenFilterFactory.lookupClass(words[1]).getName(), params));
                        } else {
                            Map<String, String> wrapped = new LinkedHashMap<>();
                            wrapped.put("filter", words[1]);
                            wrapped.putAll(params);
                            current.add(new Component("filter", LatinOnlyFilterFactory.class.getName(), wrapped));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown setting " + words[0]);
                }
            } catch (RuntimeException e) {
                throw new ConfigException(files.location(AnalyzerFactory.FILE), line.number(), e.getMessage());
            }
        }
        return chains;
    }

    private static String schema(String schemaName, String fieldTypes) {
        StringBuilder f = new StringBuilder();
        field(f, "key", "string", true, true, false, false);
        field(f, "_version_", "plong", false, false, true, false);
        for (String name : List.of(IndexFields.CLAUSE_ID, IndexFields.DOCUMENT_ID, IndexFields.CONTRACT_ID, IndexFields.KIND,
                IndexFields.CLAUSE_TYPE, IndexFields.SECONDARY_TYPE, IndexFields.YEAR, IndexFields.OCR)) {
            field(f, name, "string", true, true, true, false);
        }
        field(f, IndexFields.PARTY, "string", true, true, true, true);
        field(f, IndexFields.RISK, "string", true, true, true, true);
        field(f, IndexFields.DATE, "plong", false, true, true, false);
        field(f, IndexFields.ORDINAL, "pint", true, true, true, false);
        field(f, IndexFields.NUMBER_VALUE, "pint", false, true, false, false);
        for (String name : List.of(IndexFields.FILE_NAME, IndexFields.NUMBER, IndexFields.ROLE, "headingShown")) {
            field(f, name, "string", false, true, false, false);
        }
        text(f, IndexFields.TITLE, "hetong_precise", true, false);
        text(f, IndexFields.HEADING, "hetong_precise", false, true);
        text(f, IndexFields.HEADING_BIGRAM, "hetong_bigram", false, true);
        text(f, IndexFields.TEXT, "hetong_precise", true, false);
        text(f, IndexFields.TEXT_BIGRAM, "hetong_bigram", false, false);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by org.hetong.solr.plugin.Configset from index-config/: edit index-config, not this file. -->
                <schema name="%s" version="1.7">
                  <uniqueKey>key</uniqueKey>
                  <fieldType name="string" class="solr.StrField" sortMissingLast="true"/>
                  <fieldType name="plong" class="solr.LongPointField"/>
                  <fieldType name="pint" class="solr.IntPointField"/>
                """.formatted(schemaName) + fieldTypes + f + similarity() + "</schema>\n";
    }

    /** hetong's scoring ({@link ClauseSimilarity}: BM25 with its k1 and b), so both backends score alike. */
    private static String similarity() {
        return """
                  <similarity class="solr.BM25SimilarityFactory">
                    <float name="k1">%s</float>
                    <float name="b">%s</float>
                  </similarity>
                """.formatted(ClauseSimilarity.K1, ClauseSimilarity.B);
    }

    private static void field(StringBuilder b, String name, String type, boolean indexed, boolean stored, boolean docValues,
                              boolean multi) {
        b.append("  <field name=\"").append(name).append("\" type=\"").append(type).append("\" indexed=\"").append(indexed)
                .append("\" stored=\"").append(stored).append("\" docValues=\"").append(docValues).append("\" multiValued=\"")
                .append(multi).append("\" useDocValuesAsStored=\"false\"/>\n");
    }

    private static void text(StringBuilder b, String name, String type, boolean stored, boolean multi) {
        b.append("  <field name=\"").append(name).append("\" type=\"").append(type).append("\" indexed=\"true\" stored=\"")
                .append(stored).append("\" multiValued=\"").append(multi).append("\" storeOffsetsWithPositions=\"true\"/>\n");
    }

    private static String solrconfig() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by org.hetong.solr.plugin.Configset. -->
                <config>
                  <luceneMatchVersion>9.12</luceneMatchVersion>
                  <dataDir>${solr.data.dir:}</dataDir>
                  <directoryFactory name="DirectoryFactory" class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
                  <schemaFactory class="ClassicIndexSchemaFactory"/>
                  <indexConfig>
                    <lockType>${solr.lock.type:native}</lockType>
                  </indexConfig>
                  <updateHandler class="solr.DirectUpdateHandler2">
                    <updateLog><str name="dir">${solr.ulog.dir:}</str></updateLog>
                    <autoCommit><maxTime>15000</maxTime><openSearcher>false</openSearcher></autoCommit>
                    <autoSoftCommit><maxTime>1000</maxTime></autoSoftCommit>
                  </updateHandler>
                  <query>
                    <maxBooleanClauses>${solr.max.booleanClauses:1024}</maxBooleanClauses>
                  </query>
                  <requestHandler name="/select" class="solr.SearchHandler">
                    <lst name="defaults"><str name="echoParams">none</str></lst>
                  </requestHandler>
                  <!-- hetong's query language and precedents: the same Lucene queries as the embedded index -->
                  <queryParser name="hetong" class="org.hetong.solr.plugin.HetongQParserPlugin"/>
                  <queryParser name="hetong_like" class="org.hetong.solr.plugin.SimilarClausesQParserPlugin"/>
                  <!-- term statistics of the whole collection, not of each shard: scores as in one index -->
                  <statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>
                </config>
                """;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
