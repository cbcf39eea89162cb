package org.hetong.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ResourceLoader;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;

/**
 * Builds the named analysis chains of {@code index-config/analyzers.txt} with Lucene's
 * {@link CustomAnalyzer}, so a chain is data (factory SPI names and parameters), not code. A
 * broken line fails start-up naming the file, the line and the reason.
 */
public final class AnalyzerFactory {
    public static final String FILE = "analyzers.txt";

    private AnalyzerFactory() {}

    /** Every chain in the file, by name. */
    public static Map<String, Analyzer> load(ConfigFiles files) {
        Map<String, CustomAnalyzer.Builder> builders = new LinkedHashMap<>();
        Map<String, Boolean> hasTokenizer = new LinkedHashMap<>();
        ResourceLoader loader = resourceLoader(files);
        String current = null;
        for (ConfigFiles.NumberedLine line : files.lines(FILE)) {
            String text = line.text();
            try {
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = text.substring(1, text.length() - 1).strip();
                    if (current.isEmpty() || builders.containsKey(current)) {
                        throw new IllegalArgumentException("分析链名称为空或重复: " + text);
                    }
                    builders.put(current, CustomAnalyzer.builder(loader));
                    hasTokenizer.put(current, false);
                    continue;
                }
                if (current == null) {
                    throw new IllegalArgumentException("在第一个 [链名] 之前出现了设置");
                }
                String[] words = text.split("\\s+");
                Map<String, String> params = params(words);
                CustomAnalyzer.Builder builder = builders.get(current);
                switch (words[0]) {
                    case "charfilter" -> builder.addCharFilter(name(words), params);
                    case "tokenizer" -> {
                        if (hasTokenizer.get(current)) {
                            throw new IllegalArgumentException("一条分析链只能有一个 tokenizer");
                        }
                        builder.withTokenizer(name(words), params);
                        hasTokenizer.put(current, true);
                    }
                    case "filter" -> {
                        String when = params.remove("when");
                        if (when == null) {
                            builder.addTokenFilter(name(words), params);
                        } else if (when.equals("latin")) {
                            builder.whenTerm(AnalyzerFactory::isLatin).addTokenFilter(name(words), params).endwhen();
                        } else {
                            throw new IllegalArgumentException("when= 只支持 latin（只作用于拉丁字母词），实际为「" + when + "」");
                        }
                    }
                    default -> throw new IllegalArgumentException(
                            "未知的设置「" + words[0] + "」，应为 charfilter、tokenizer 或 filter");
                }
            } catch (IllegalArgumentException | IOException e) {
                throw new ConfigException(files.location(FILE), line.number(), e.getMessage());
            }
        }
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        for (var entry : builders.entrySet()) {
            if (!hasTokenizer.get(entry.getKey())) {
                throw new ConfigException(files.location(FILE), 0, "分析链 [" + entry.getKey() + "] 没有 tokenizer");
            }
            analyzers.put(entry.getKey(), entry.getValue().build());
        }
        return analyzers;
    }

    public static Analyzer require(Map<String, Analyzer> analyzers, String name, ConfigFiles files) {
        Analyzer analyzer = analyzers.get(name);
        if (analyzer == null) {
            throw new ConfigException(files.location(FILE), 0, "缺少分析链 [" + name + "]");
        }
        return analyzer;
    }

    /** A token of Latin letters (and digits): an English word, a code. ({@code when=latin}) */
    public static boolean isLatin(CharSequence term) {
        boolean letter = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9') && c != '\'') {
                return false;
            }
        }
        return letter;
    }

    private static String name(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("缺少组件名称 (SPI name)");
        }
        return words[1];
    }

    private static Map<String, String> params(String[] words) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String word : List.of(words).subList(Math.min(2, words.length), words.length)) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("参数应为 key=value，实际为「" + word + "」");
            }
            params.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return params;
    }

    private static ResourceLoader resourceLoader(ConfigFiles files) {
        return new ResourceLoader() {
            @Override
            public InputStream openResource(String resource) throws IOException {
                return files.open(resource);
            }

            /** Lucene's own helper classes only (the synonym file parser); configuration cannot name others. */
            @Override
            public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
                if (!cname.startsWith("org.apache.lucene.analysis.")) {
                    throw new IllegalArgumentException("loading classes from configuration is not allowed: " + cname);
                }
                try {
                    return Class.forName(cname, true, AnalyzerFactory.class.getClassLoader()).asSubclass(expectedType);
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException("no such analysis class: " + cname, e);
                }
            }
        };
    }
}
