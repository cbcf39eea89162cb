package org.hetong.understand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;

/** The risk checklist of {@code index-config/risk-checklist.txt}: required clause types per kind of contract. */
public record RiskChecklist(int expiryWarningDays, List<String> autoRenewalWords, List<Category> categories) {
    public static final String FILE = "risk-checklist.txt";

    public RiskChecklist {
        autoRenewalWords = List.copyOf(autoRenewalWords);
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("the checklist has no contract kinds");
        }
    }

    /** A kind of contract, told by words in its title, and the clause types it must have. */
    public record Category(String name, List<String> titleWords, List<String> required) {
        public Category {
            titleWords = List.copyOf(titleWords);
            required = List.copyOf(required);
        }
    }

    /** The first category whose title words occur in the title; the last category is the fallback. */
    public Category categoryOf(String title) {
        String t = title == null ? "" : title;
        for (Category c : categories) {
            for (String word : c.titleWords()) {
                if (t.contains(word)) {
                    return c;
                }
            }
        }
        return categories.get(categories.size() - 1);
    }

    public static RiskChecklist load(ConfigFiles files, ClauseTaxonomy taxonomy) {
        String where = files.location(FILE);
        Integer days = null;
        List<String> renewal = List.of();
        List<Category> categories = new ArrayList<>();
        String section = null;
        Map<String, String> values = new LinkedHashMap<>();
        List<ConfigFiles.NumberedLine> lines = new ArrayList<>(files.lines(FILE));
        lines.add(new ConfigFiles.NumberedLine(Integer.MAX_VALUE, "[end]"));
        for (ConfigFiles.NumberedLine line : lines) {
            String text = line.text();
            if (text.startsWith("[") && text.endsWith("]")) {
                if (section != null && !section.equals("settings")) {
                    categories.add(category(section, values, taxonomy, where, line.number()));
                } else if ("settings".equals(section)) {
                    try {
                        days = Integer.parseInt(values.getOrDefault("expiryWarningDays", "90").strip());
                    } catch (NumberFormatException e) {
                        throw new ConfigException(where, 0, "expiryWarningDays 应为整数天数");
                    }
                    renewal = split(values.getOrDefault("autoRenewalWords", ""));
                }
                section = text.substring(1, text.length() - 1).strip();
                values = new LinkedHashMap<>();
                continue;
            }
            int eq = text.indexOf('=');
            if (section == null || eq <= 0) {
                throw new ConfigException(where, line.number(), "应为「[类别]」或「键 = 值」");
            }
            String key = text.substring(0, eq).strip();
            if (!List.of("expiryWarningDays", "autoRenewalWords", "titleWords", "required").contains(key)) {
                throw new ConfigException(where, line.number(), "未知的设置「" + key + "」");
            }
            values.put(key, text.substring(eq + 1));
        }
        if (categories.isEmpty()) {
            throw new ConfigException(where, 0, "没有定义任何合同类别");
        }
        return new RiskChecklist(days == null ? 90 : days, renewal, categories);
    }

    private static Category category(String name, Map<String, String> values, ClauseTaxonomy taxonomy, String where, int line) {
        List<String> required = split(values.getOrDefault("required", ""));
        for (String type : required) {
            if (!taxonomy.contains(type)) {
                throw new ConfigException(where, 0, "类别 [" + name + "] 要求的条款类型「" + type + "」不在 clause-types.txt 中");
            }
        }
        return new Category(name, split(values.getOrDefault("titleWords", "")), required);
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split("[,，]")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
