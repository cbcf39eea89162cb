package org.hetong.solr;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.hetong.index.ClauseIndex;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.IndexFields;
import org.hetong.index.IndexedClause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clauses written to a SolrCloud collection instead of the embedded index. Searches use an alias
 * ({@link SolrSettings#collection()}); at first start hetong creates a collection behind it with the
 * configured shards and replicas from the {@code hetong} configset. {@code reindex} writes a new
 * collection while searches go on against the old one, then moves the alias and drops the old one.
 *
 * <p>Writes carry the key {@code family!clauseId}, so the compositeId router keeps a contract's
 * family on one shard. A document's clauses are added (overwriting those with the same key) and then
 * its clauses with other keys deleted, so searches never see the document missing.
 */
public final class SolrClauseIndex implements ClauseIndex {
    private static final Logger log = LoggerFactory.getLogger(SolrClauseIndex.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Within this long after a write, results are not cached: Solr makes writes visible on its own clock too. */
    private static final long SETTLE_MILLIS = 3_000;
    /** The alias property naming the analysis configuration the collection was written with. */
    private static final String ANALYSIS_PROPERTY = "hetong.analysis";
    /** The generated schema is named {@code hetong-<analysis fingerprint>}. */
    public static final String SCHEMA_PREFIX = "hetong-";

    private final SolrSettings settings;
    private final SolrNodes nodes;
    private final IndexAnalyzers analyzers;
    private final AtomicLong writes = new AtomicLong();
    private volatile long lastWrite;
    /** Where writes go: the alias, or during a rebuild the new collection. */
    private volatile String target;

    public SolrClauseIndex(SolrSettings settings, IndexAnalyzers analyzers) throws IOException {
        this.settings = settings;
        this.analyzers = analyzers;
        this.nodes = new SolrNodes(settings.urls());
        try {
            if (aliasedCollections().isEmpty()) {
                String first = createCollection();
                pointAliasTo(first);
                log.info("created SolrCloud collection {} behind alias {}", first, settings.collection());
            }
            requireConfigsetOf(analyzers);
        } catch (IOException | RuntimeException e) {
            nodes.close();
            throw e;
        }
        this.target = settings.collection();
    }

    SolrNodes nodes() {
        return nodes;
    }

    /** The alias searches use. */
    public String alias() {
        return settings.collection();
    }

    @Override
    public IndexAnalyzers analyzers() {
        return analyzers;
    }

    @Override
    public void replace(String documentId, List<IndexedClause> clauses) throws IOException {
        if (clauses.isEmpty()) {
            delete(documentId);
            return;
        }
        UpdateRequest add = new UpdateRequest();
        List<String> keys = new ArrayList<>();
        for (IndexedClause clause : clauses) {
            SolrInputDocument doc = SolrClauseDocs.toSolr(clause);
            add.add(doc);
            keys.add(SolrClauseDocs.key(clause));
        }
        nodes.request(add, target);
        // Clauses the document no longer has (or had under another family): everything of it not just written.
        StringBuilder stale = new StringBuilder("+" + IndexFields.DOCUMENT_ID + ":" + ClientUtils.escapeQueryChars(documentId)
                + " -_query_:\"{!terms f=" + SolrClauseDocs.KEY + "}");
        stale.append(String.join(",", keys)).append('"');
        nodes.request(new UpdateRequest().deleteByQuery(stale.toString()), target);
        wrote();
    }

    @Override
    public void delete(String documentId) throws IOException {
        nodes.request(new UpdateRequest().deleteByQuery(IndexFields.DOCUMENT_ID + ":" + ClientUtils.escapeQueryChars(documentId)), target);
        wrote();
    }

    @Override
    public void deleteAll() throws IOException {
        nodes.request(new UpdateRequest().deleteByQuery("*:*"), target);
        wrote();
    }

    /** A new collection takes the writes; searches still see the old one until {@link #endRebuild()}. */
    @Override
    public synchronized void beginRebuild() throws IOException {
        target = createCollection();
        log.info("rebuilding into new SolrCloud collection {}", target);
    }

    /** The alias moves to the rebuilt collection; the collections it pointed to before are deleted. */
    @Override
    public synchronized void endRebuild() throws IOException {
        String rebuilt = target;
        if (rebuilt.equals(settings.collection())) {
            commit();
            return;
        }
        commit();
        List<String> previous = aliasedCollections();
        pointAliasTo(rebuilt);
        target = settings.collection();
        for (String old : previous) {
            if (!old.equals(rebuilt)) {
                nodes.request(CollectionAdminRequest.deleteCollection(old), null);
            }
        }
        wrote();
        log.info("alias {} now points to {}", settings.collection(), rebuilt);
    }

    @Override
    public void commit() throws IOException {
        nodes.request(new UpdateRequest().setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, false), target);
        wrote();
    }

    @Override
    public void refresh() throws IOException {
        nodes.request(new UpdateRequest().setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, true), target);
        wrote();
    }

    /**
     * No index files to copy: SolrCloud keeps its own replicas (and backups). A hetong backup then
     * carries an embedded index that the backup writer builds from its catalog copy, so it restores
     * anywhere; against SolrCloud, {@code hetong reindex} after a restore.
     */
    @Override
    public Snapshot snapshot() throws IOException {
        commit();
        return new Snapshot() {
            @Override
            public long generation() {
                return 0;
            }

            @Override
            public java.util.Collection<String> fileNames() {
                return List.of();
            }

            @Override
            public java.nio.file.Path folder() {
                return java.nio.file.Path.of(".");
            }

            @Override
            public void close() {}
        };
    }

    /** Whether the collection behind the alias was written with this analysis configuration (an empty one counts as current). */
    @Override
    public boolean isAnalysisCurrent() throws IOException {
        String written = aliasProperty(ANALYSIS_PROPERTY);
        return written == null ? clauseCount() == 0 : written.equals(analyzers.fingerprint());
    }

    @Override
    public Set<String> documentIds() throws IOException {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "*:*");
        params.set("rows", 0);
        params.set("facet", true);
        params.set("facet.field", IndexFields.DOCUMENT_ID);
        params.set("facet.limit", -1);
        params.set("facet.mincount", 1);
        QueryResponse response = query(params);
        Set<String> ids = new HashSet<>();
        FacetField field = response.getFacetField(IndexFields.DOCUMENT_ID);
        if (field != null && field.getValues() != null) {
            field.getValues().forEach(v -> ids.add(v.getName()));
        }
        return ids;
    }

    @Override
    public int clauseCount() throws IOException {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "*:*");
        params.set("rows", 0);
        return (int) query(params).getResults().getNumFound();
    }

    /**
     * Counts this process's writes; while writes are settling (Solr's soft commits make them visible
     * on its own clock) it changes every time, so no stale result is cached.
     */
    @Override
    public long generation() {
        long w = writes.get();
        long now = System.currentTimeMillis();
        return now - lastWrite < SETTLE_MILLIS ? (w << 20) ^ now : w << 20;
    }

    QueryResponse query(ModifiableSolrParams params) throws IOException {
        NamedList<Object> response = nodes.request(new QueryRequest(params, org.apache.solr.client.solrj.SolrRequest.METHOD.POST),
                settings.collection());
        return new QueryResponse(response, null);
    }

    private void wrote() {
        writes.incrementAndGet();
        lastWrite = System.currentTimeMillis();
    }

    /**
     * The collection's configset must have been generated from the same {@code index-config/} as this
     * process's analyzers (the generator names the schema {@code hetong-<fingerprint>}): otherwise
     * Solr would index and query with other chains than hetong highlights with.
     */
    private void requireConfigsetOf(IndexAnalyzers analyzers) throws IOException {
        Object name = nodes.request(new SchemaRequest.SchemaName(), settings.collection()).get("name");
        String expected = SCHEMA_PREFIX + analyzers.fingerprint();
        if (!expected.equals(name)) {
            throw new IllegalStateException("SolrCloud 集合 " + settings.collection() + " 的配置集「" + settings.configSet() + "」（schema "
                    + name + "）不是由当前的 index-config 生成的（应为 " + expected + "）。请重新生成并上传配置集与插件 jar，"
                    + "重启 Solr 节点，再运行 hetong reindex（见 ARCHITECTURE.md 的 Scale-out 一节）。");
        }
    }

    /** Searches go to {@code collection} from now on; the alias records the analysis it was written with. */
    private void pointAliasTo(String collection) throws IOException {
        nodes.request(CollectionAdminRequest.createAlias(settings.collection(), collection), null);
        nodes.request(CollectionAdminRequest.setAliasProperty(settings.collection()).addProperty(ANALYSIS_PROPERTY, analyzers.fingerprint()),
                null);
    }

    private String aliasProperty(String key) throws IOException {
        Object properties = nodes.request(new CollectionAdminRequest.ListAliases(), null).get("properties");
        Object ofAlias = properties instanceof Map<?, ?> map ? map.get(settings.collection())
                : properties instanceof NamedList<?> list ? list.get(settings.collection()) : null;
        Object value = ofAlias instanceof Map<?, ?> map ? map.get(key) : ofAlias instanceof NamedList<?> list ? list.get(key) : null;
        return value == null ? null : value.toString();
    }

    private String createCollection() throws IOException {
        String name = settings.collection() + "_" + LocalDateTime.now().format(STAMP) + "_" + (System.nanoTime() % 1000);
        var create = CollectionAdminRequest.createCollection(name, settings.configSet(), settings.shards(), settings.replicas());
        nodes.request(create, null);
        return name;
    }

    /** The collections behind the alias, none when it does not exist yet. */
    @SuppressWarnings("unchecked")
    private List<String> aliasedCollections() throws IOException {
        NamedList<Object> response = nodes.request(new CollectionAdminRequest.ListAliases(), null);
        Object aliases = response.get("aliases");
        if (aliases instanceof Map<?, ?> map && map.get(settings.collection()) != null) {
            return List.of(map.get(settings.collection()).toString().split(","));
        }
        if (aliases instanceof NamedList<?> list && list.get(settings.collection()) != null) {
            return List.of(list.get(settings.collection()).toString().split(","));
        }
        return List.of();
    }

    @Override
    public void close() throws IOException {
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            log.warn("final Solr commit failed: {}", e.toString());
        } finally {
            nodes.close();
        }
    }
}
