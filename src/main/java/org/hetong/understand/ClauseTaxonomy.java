package org.hetong.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;

/** The clause types of {@code index-config/clause-types.txt}, in file order. */
public record ClauseTaxonomy(List<ClauseType> types) {
    public static final String FILE = "clause-types.txt";

    public ClauseTaxonomy {
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("the taxonomy has no types");
        }
    }

    /** One clause type with the words that point to it. */
    public record ClauseType(String name, List<String> headingTerms, List<String> bodyTerms) {
        public ClauseType {
            headingTerms = List.copyOf(headingTerms);
            bodyTerms = List.copyOf(bodyTerms);
        }
    }

    public static ClauseTaxonomy load(ConfigFiles files) {
        List<ClauseType> types = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (ConfigFiles.NumberedLine line : files.lines(FILE)) {
            String[] parts = line.text().split("\\|", -1);
            if (parts.length != 3) {
                throw new ConfigException(files.location(FILE), line.number(),
                        "应为「类型名 | 标题词 | 正文词」三栏，实际 " + parts.length + " 栏");
            }
            String name = parts[0].strip();
            if (name.isEmpty()) {
                throw new ConfigException(files.location(FILE), line.number(), "类型名为空");
            }
            if (!names.add(name)) {
                throw new ConfigException(files.location(FILE), line.number(), "类型「" + name + "」重复定义");
            }
            types.add(new ClauseType(name, terms(parts[1]), terms(parts[2])));
        }
        if (types.isEmpty()) {
            throw new ConfigException(files.location(FILE), 0, "没有定义任何条款类型");
        }
        return new ClauseTaxonomy(types);
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
}
