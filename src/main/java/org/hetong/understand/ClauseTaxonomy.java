package org.hetong.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;

/**
 * The clause types of {@code index-config/clause-types.txt}, in file order: for each type its name
 * (the API's {@code clauseType}), what a lawyer files under it, and the words that point to it in a
 * heading and in a clause's text. Read once at start; a malformed file fails with the file, the line
 * and the reason.
 *
 * <pre>
 * [保密]
 * description = 一方对另一方信息的保密义务 …
 * heading = 保密, 机密, 商业秘密
 * body = 保密^2, 保密信息, 泄露, 披露
 * </pre>
 *
 * {@code ^2} weighs a body term twice (default 1); terms are separated by {@code ,} or {@code ，}.
 */
public record ClauseTaxonomy(List<ClauseType> types) {
    public static final String FILE = "clause-types.txt";
    private static final List<String> KEYS = List.of("description", "heading", "body");

    public ClauseTaxonomy {
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("the taxonomy has no types");
        }
    }

    /** One clause type with the words that point to it. */
    public record ClauseType(String name, String description, List<String> headingTerms, List<Term> bodyTerms) {
        public ClauseType {
            Objects.requireNonNull(name, "name");
            description = description == null ? "" : description;
            headingTerms = List.copyOf(headingTerms);
            bodyTerms = List.copyOf(bodyTerms);
        }
    }

    /** A body term and how much one occurrence of it counts. */
    public record Term(String text, double weight) {
        public Term {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a term must not be empty");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("the weight of '" + text + "' must be a positive number, was " + weight);
            }
        }
    }

    public static ClauseTaxonomy load(ConfigFiles files) {
        String where = files.location(FILE);
        List<ClauseType> types = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Section section = null;
        for (ConfigFiles.NumberedLine line : files.lines(FILE)) {
            String text = line.text();
            if (text.startsWith("[")) {
                if (!text.endsWith("]")) {
                    throw new ConfigException(where, line.number(), "类型行应为「[类型名]」，缺少「]」");
                }
                if (section != null) {
                    types.add(section.build());
                }
                String name = text.substring(1, text.length() - 1).strip();
                if (name.isEmpty()) {
                    throw new ConfigException(where, line.number(), "类型名为空");
                }
                if (!names.add(name)) {
                    throw new ConfigException(where, line.number(), "类型「" + name + "」重复定义");
                }
                section = new Section(name);
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(where, line.number(), "应为「[类型名]」或「键 = 值」（键为 " + String.join("、", KEYS) + "）");
            }
            if (section == null) {
                throw new ConfigException(where, line.number(), "「" + text + "」之前没有「[类型名]」");
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw new ConfigException(where, line.number(), "未知的键「" + key + "」，应为 " + String.join("、", KEYS) + " 之一");
            }
            if (!section.seen.add(key)) {
                throw new ConfigException(where, line.number(), "类型「" + section.name + "」的「" + key + "」重复");
            }
            switch (key) {
                case "description" -> section.description = value;
                case "heading" -> section.heading = terms(value);
                default -> section.body = weighted(value, where, line.number());
            }
        }
        if (section != null) {
            types.add(section.build());
        }
        if (types.isEmpty()) {
            throw new ConfigException(where, 0, "没有定义任何条款类型");
        }
        return new ClauseTaxonomy(types);
    }

    private static final class Section {
        final String name;
        final Set<String> seen = new LinkedHashSet<>();
        String description = "";
        List<String> heading = List.of();
        List<Term> body = List.of();

        Section(String name) {
            this.name = name;
        }

        ClauseType build() {
            return new ClauseType(name, description, heading, body);
        }
    }

    public boolean contains(String name) {
        return types.stream().anyMatch(t -> t.name().equals(name));
    }

    public List<String> names() {
        return types.stream().map(ClauseType::name).toList();
    }

    private static List<String> terms(String field) {
        List<String> terms = new ArrayList<>();
        for (String term : field.split("[,，]")) {
            String t = term.strip();
            if (!t.isEmpty()) {
                terms.add(t);
            }
        }
        return terms;
    }

    private static List<Term> weighted(String field, String where, int line) {
        List<Term> out = new ArrayList<>();
        for (String term : terms(field)) {
            int caret = term.lastIndexOf('^');
            if (caret < 0) {
                out.add(new Term(term, 1));
                continue;
            }
            String text = term.substring(0, caret).strip();
            String weight = term.substring(caret + 1).strip();
            double w;
            try {
                w = Double.parseDouble(weight);
            } catch (NumberFormatException e) {
                throw new ConfigException(where, line, "「" + term + "」的权重「" + weight + "」不是数字（写作 词^2 或 词^0.5）");
            }
            if (text.isEmpty() || !(w > 0) || Double.isInfinite(w)) {
                throw new ConfigException(where, line, "「" + term + "」应为「词^正数权重」");
            }
            out.add(new Term(text, w));
        }
        return out;
    }
}
