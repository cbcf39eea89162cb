package org.hetong.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Lucene index of searchable clauses (the default {@link ClauseIndex}): one long-lived {@link IndexWriter}, a
 * {@link SearcherManager} for near-real-time readers, and commits batched on a timer (never one
 * per file). Re-indexing a document replaces all its clauses atomically
 * ({@code updateDocuments} on its id), so it is idempotent.
 *
 * <p>The index is derived data: the catalog and the originals can always rebuild it.
 */
public final class LuceneClauseIndex implements ClauseIndex {
    private static final Logger log = LoggerFactory.getLogger(LuceneClauseIndex.class);
    private static final String ANALYSIS_KEY = "analysis";
    private static final FieldType TEXT_WITH_OFFSETS_STORED = textType(true);
    private static final FieldType TEXT_WITH_OFFSETS = textType(false);
    private static final FacetsConfig FACETS = facetsConfig();

    private final Path path;
    private final Directory directory;
    private final SnapshotDeletionPolicy snapshots;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig;
    private final IndexAnalyzers analyzers;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicBoolean uncommitted = new AtomicBoolean();

    public LuceneClauseIndex(Path path, IndexAnalyzers analyzers) throws IOException {
        this.analyzers = analyzers;
        this.path = path;
        this.directory = FSDirectory.open(path);
        // Keeps only the last commit, except commits a backup is copying (snapshot()).
        this.snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        IndexWriterConfig config = new IndexWriterConfig(analyzers.perField());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setIndexDeletionPolicy(snapshots);
        config.setRAMBufferSizeMB(64);
        config.setCommitOnClose(true);
        config.setSimilarity(ClauseSimilarity.create());
        this.writer = new IndexWriter(directory, config);
        if (writer.getDocStats().numDocs == 0) {
            stampAnalysis(); // whatever is indexed from now on is analysed by these chains, even before the first commit
        }
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(ClauseSimilarity.create());
                return searcher;
            }
        });
        this.facetsConfig = facetsConfig();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-refresh");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 200, 200, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::commitQuietly, 5, 5, TimeUnit.SECONDS);
    }

    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(IndexFields.PARTY, true);
        config.setMultiValued(IndexFields.CLAUSE_TYPE, true);
        config.setMultiValued(IndexFields.RISK, true);
        return config;
    }

    public FacetsConfig facets() {
        return facetsConfig;
    }

    @Override
    public IndexAnalyzers analyzers() {
        return analyzers;
    }

    public SearcherManager searchers() {
        return searchers;
    }

    /** Replaces every clause of a document with these (none: the document leaves the index). */
    @Override
    public void replace(String documentId, List<IndexedClause> clauses) throws IOException {
        if (clauses.isEmpty()) {
            // updateDocuments with no documents upsets Lucene 9.12's RAM accounting (an assertion
            // fails when the writer closes); a delete does the same job.
            delete(documentId);
            return;
        }
        List<Document> docs = new ArrayList<>(clauses.size());
        for (IndexedClause clause : clauses) {
            docs.add(document(clause));
        }
        writer.updateDocuments(new Term(IndexFields.DOCUMENT_ID, documentId), docs);
        changed.set(true);
        uncommitted.set(true);
    }

    @Override
    public void delete(String documentId) throws IOException {
        writer.deleteDocuments(new Term(IndexFields.DOCUMENT_ID, documentId));
        changed.set(true);
        uncommitted.set(true);
    }

    @Override
    public void deleteAll() throws IOException {
        writer.deleteAll();
        changed.set(true);
        uncommitted.set(true);
    }

    /** The next commit records which analysis chains built the index ({@link #isAnalysisCurrent()}). */
    private void stampAnalysis() {
        writer.setLiveCommitData(java.util.Map.of(ANALYSIS_KEY, analyzers.fingerprint()).entrySet());
    }

    /** Makes everything written so far durable and visible to searches. */
    @Override
    public synchronized void commit() throws IOException {
        stampAnalysis();
        writer.commit();
        uncommitted.set(false);
        refresh();
    }

    /**
     * Commits what is pending and holds the files of that commit on disk until the snapshot is
     * closed, however the index changes meanwhile: a backup copies them while imports go on.
     */
    @Override
    public synchronized LuceneSnapshot snapshot() throws IOException {
        commit();
        return new LuceneSnapshot(snapshots.snapshot());
    }

    /** One commit's files, kept until {@link #close()}; they never change while kept. */
    public final class LuceneSnapshot implements Snapshot {
        private final IndexCommit commit;

        private LuceneSnapshot(IndexCommit commit) {
            this.commit = commit;
        }

        /** The commit's generation (the N of its {@code segments_N} file). */
        @Override
    public long generation() {
            return commit.getGeneration();
        }

        @Override
        public java.util.Collection<String> fileNames() throws IOException {
            return commit.getFileNames();
        }

        @Override
        public Path folder() {
            return path;
        }

        @Override
        public void close() throws IOException {
            snapshots.release(commit);
            writer.deleteUnusedFiles();
        }
    }

    /** Makes everything written so far visible to searches, without the cost of a commit. */
    @Override
    public void refresh() throws IOException {
        changed.set(false);
        searchers.maybeRefreshBlocking();
    }

    /**
     * Whether the index was written with the analysis configuration now in use (an empty index
     * counts as current). When not, {@code reindex} must rebuild it.
     */
    @Override
    public boolean isAnalysisCurrent() throws IOException {
        var commit = writer.getLiveCommitData();
        String written = null;
        if (commit != null) {
            for (var entry : commit) {
                if (ANALYSIS_KEY.equals(entry.getKey())) {
                    written = entry.getValue();
                }
            }
        }
        return written == null ? writer.getDocStats().numDocs == 0 : written.equals(analyzers.fingerprint());
    }

    /** The ids of the documents that have clauses in the index now. */
    @Override
    public java.util.Set<String> documentIds() throws IOException {
        refresh();
        java.util.Set<String> ids = new java.util.HashSet<>();
        var searcher = searchers.acquire();
        try {
            for (var leaf : searcher.getIndexReader().leaves()) {
                var reader = leaf.reader();
                var terms = reader.terms(IndexFields.DOCUMENT_ID);
                if (terms == null) {
                    continue;
                }
                var live = reader.getLiveDocs();
                var te = terms.iterator();
                org.apache.lucene.util.BytesRef term;
                org.apache.lucene.index.PostingsEnum postings = null;
                while ((term = te.next()) != null) {
                    postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                         doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            ids.add(term.utf8ToString());
                            break;
                        }
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return ids;
    }

    /** Number of clauses visible to searches now. */
    @Override
    public int clauseCount() throws IOException {
        var searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    /** The generation of the current reader; changes whenever searches may see different results. */
    public long generation() throws IOException {
        var searcher = searchers.acquire();
        try {
            return ((DirectoryReader) searcher.getIndexReader()).getVersion();
        } finally {
            searchers.release(searcher);
        }
    }

    private void refreshQuietly() {
        if (changed.get()) {
            try {
                refresh();
            } catch (IOException | RuntimeException e) {
                log.warn("index refresh failed: {}", e.toString());
            }
        }
    }

    private void commitQuietly() {
        if (uncommitted.get()) {
            try {
                commit();
            } catch (IOException | RuntimeException e) {
                log.warn("index commit failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        // Let a refresh or commit in progress finish: interrupting Lucene mid-I/O closes its file channels.
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("index refresh still running after 30 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    /**
     * The Lucene document of a clause, facet fields built: what the embedded index holds, and what
     * the SolrCloud backend highlights a page of hits in (so highlights are the same on both).
     */
    public static Document document(IndexedClause clause) throws IOException {
        return FACETS.build(toDocument(clause));
    }

    private static Document toDocument(IndexedClause c) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.CLAUSE_ID, c.clauseId(), Field.Store.YES));
        // Breaks ties between equal scores the same way on every index, page and backend (SolrCloud sorts on it too).
        // An index written before this field is rebuilt at start (IndexAnalyzers.COMPONENTS_VERSION 3): Lucene
        // refuses to sort on a field without doc values, and to add them to a field that had none.
        doc.add(new SortedDocValuesField(IndexFields.CLAUSE_ID, new BytesRef(c.clauseId())));
        doc.add(new StringField(IndexFields.DOCUMENT_ID, c.documentId(), Field.Store.YES));
        if (c.contractId() != null) {
            doc.add(new StringField(IndexFields.CONTRACT_ID, c.contractId(), Field.Store.YES));
        }
        doc.add(new StringField(IndexFields.KIND, c.kind(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(IndexFields.KIND, c.kind()));
        if (c.clauseType() != null) {
            doc.add(new StringField(IndexFields.CLAUSE_TYPE, c.clauseType(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.CLAUSE_TYPE, c.clauseType()));
        }
        if (c.secondaryType() != null) {
            doc.add(new StringField(IndexFields.SECONDARY_TYPE, c.secondaryType(), Field.Store.YES));
        }
        for (String party : c.parties()) {
            doc.add(new StringField(IndexFields.PARTY, party, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.PARTY, party));
        }
        for (String risk : c.risks()) {
            doc.add(new StringField(IndexFields.RISK, risk, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.RISK, risk));
        }
        if (c.year() != null) {
            String year = String.valueOf(c.year());
            doc.add(new StringField(IndexFields.YEAR, year, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.YEAR, year));
        }
        doc.add(new NumericDocValuesField(IndexFields.DATE, c.dateEpochDay() == null ? Long.MIN_VALUE : c.dateEpochDay()));
        doc.add(new StringField(IndexFields.OCR, String.valueOf(c.ocr()), Field.Store.YES));
        if (c.title() != null) {
            doc.add(new Field(IndexFields.TITLE, c.title(), TEXT_WITH_OFFSETS_STORED));
        }
        if (c.fileName() != null) {
            doc.add(new StoredField(IndexFields.FILE_NAME, c.fileName()));
        }
        if (c.number() != null) {
            doc.add(new StoredField(IndexFields.NUMBER, c.number()));
        }
        if (c.numberValue() != null) {
            doc.add(new StoredField(IndexFields.NUMBER_VALUE, c.numberValue()));
        }
        doc.add(new IntPoint(IndexFields.ORDINAL, c.ordinal()));
        doc.add(new StoredField(IndexFields.ORDINAL, c.ordinal()));
        doc.add(new NumericDocValuesField(IndexFields.ORDINAL, c.ordinal()));
        doc.add(new StoredField(IndexFields.ROLE, c.role()));
        if (c.heading() != null) {
            doc.add(new Field(IndexFields.HEADING, c.heading(), TEXT_WITH_OFFSETS_STORED));
            doc.add(new Field(IndexFields.HEADING_BIGRAM, c.heading(), TEXT_WITH_OFFSETS));
        }
        if (c.number() != null) {
            // The clause's own number is searchable with its heading: 第13条 finds 第十三条 itself, not only its citations.
            doc.add(new Field(IndexFields.HEADING, c.number(), TEXT_WITH_OFFSETS));
            doc.add(new Field(IndexFields.HEADING_BIGRAM, c.number(), TEXT_WITH_OFFSETS));
        }
        doc.add(new Field(IndexFields.TEXT, c.text(), TEXT_WITH_OFFSETS_STORED));
        doc.add(new Field(IndexFields.TEXT_BIGRAM, c.text(), TEXT_WITH_OFFSETS));
        return doc;
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
