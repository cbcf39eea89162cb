package org.hetong.solr;

import java.util.Arrays;
import java.util.List;

/**
 * Where the SolrCloud backend is and how its collection is laid out, from system properties:
 * {@code -Dhetong.search.backend=solr -Dhetong.solr.urls=http://solr1:8983/solr,http://solr2:8983/solr}
 * and optionally {@code hetong.solr.collection} (the alias searches use, default {@code hetong}),
 * {@code hetong.solr.configset} (default {@code hetong}), {@code hetong.solr.shards} (2) and
 * {@code hetong.solr.replicas} (2), used when hetong creates a collection.
 *
 * @param urls any Solr nodes of the cluster (more than one: hetong fails over between them)
 */
public record SolrSettings(List<String> urls, String collection, String configSet, int shards, int replicas) {
    public static final String BACKEND = "hetong.search.backend";

    public SolrSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("hetong.solr.urls 为空：请给出至少一个 Solr 节点地址，例如 http://solr1:8983/solr");
        }
        for (String url : urls) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("hetong.solr.urls 中的「" + url + "」不是 http(s) 地址，例如 http://solr1:8983/solr");
            }
        }
        if (!collection.matches("[A-Za-z0-9_\\-]+") || !configSet.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("集合名「" + collection + "」或配置集名「" + configSet + "」只能含字母、数字、_ 和 -");
        }
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("hetong.solr.shards 和 hetong.solr.replicas 至少为 1，实际为 " + shards + " 和 " + replicas);
        }
    }

    /** The settings when {@code hetong.search.backend=solr}, null for the embedded index (the default). */
    public static SolrSettings fromSystemProperties() {
        String backend = System.getProperty(BACKEND, "lucene").strip();
        if (backend.isEmpty() || backend.equals("lucene")) {
            return null;
        }
        if (!backend.equals("solr")) {
            throw new IllegalArgumentException(BACKEND + " 应为 lucene（默认，内嵌索引）或 solr，实际为「" + backend + "」");
        }
        String urls = System.getProperty("hetong.solr.urls", "");
        return new SolrSettings(Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                System.getProperty("hetong.solr.collection", "hetong"), System.getProperty("hetong.solr.configset", "hetong"),
                integer("hetong.solr.shards", 2), integer("hetong.solr.replicas", 2));
    }

    private static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " 应为整数，实际为「" + value + "」");
        }
    }
}
