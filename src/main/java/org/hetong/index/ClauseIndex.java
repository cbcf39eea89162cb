package org.hetong.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where searchable clauses are written: the embedded Lucene index ({@link LuceneClauseIndex}, the
 * default) or a SolrCloud collection ({@code org.hetong.solr.SolrClauseIndex}). Either way the index
 * is derived data: the catalog and the originals can always rebuild it.
 *
 * <p>Searching is not here but in {@code search.SearchBackend}, which each implementation pairs with.
 */
public interface ClauseIndex extends Closeable {
    IndexAnalyzers analyzers();

    /** Replaces every clause of a document with these (none: the document leaves the index), atomically. */
    void replace(String documentId, List<IndexedClause> clauses) throws IOException;

    void delete(String documentId) throws IOException;

    void deleteAll() throws IOException;

    /** A rebuild from the catalog starts: by default the index is emptied and written again in place. */
    default void beginRebuild() throws IOException {
        deleteAll();
    }

    /** The rebuild has written every document: make it the index searches see. */
    default void endRebuild() throws IOException {
        commit();
    }

    /** Makes everything written so far durable and visible to searches. */
    void commit() throws IOException;

    /** Makes everything written so far visible to searches, without the cost of a commit. */
    void refresh() throws IOException;

    /**
     * Commits what is pending and keeps that commit's files on disk until the snapshot is closed,
     * so a backup can copy them while imports go on.
     */
    Snapshot snapshot() throws IOException;

    /**
     * Whether the index was written with the analysis configuration now in use (an empty index
     * counts as current). When not, {@code reindex} must rebuild it.
     */
    boolean isAnalysisCurrent() throws IOException;

    /** The ids of the documents that have clauses in the index now. */
    Set<String> documentIds() throws IOException;

    /** Number of clauses visible to searches now. */
    int clauseCount() throws IOException;

    /** Changes whenever searches may see different results. */
    long generation() throws IOException;

    /** One commit's files, kept until {@link #close()}; they never change while kept. */
    interface Snapshot extends AutoCloseable {
        /** The commit's generation (the N of its {@code segments_N} file). */
        long generation();

        /** The names of the commit's files, {@code segments_N} included, in {@link #folder()}. */
        Collection<String> fileNames() throws IOException;

        Path folder();

        @Override
        void close() throws IOException;
    }
}
