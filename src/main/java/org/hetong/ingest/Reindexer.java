package org.hetong.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.Json;
import org.hetong.index.ClauseIndex;
import org.hetong.understand.ContractFields;

/** Rebuilds the index from the catalog: the index is derived data and this is its recipe. */
public final class Reindexer {
    private final Catalog catalog;
    private final ClauseIndex index;

    public Reindexer(Catalog catalog, ClauseIndex index) {
        this.catalog = catalog;
        this.index = index;
    }

    /** Empties the index and writes every indexed document again; returns the number of documents. */
    public long rebuild(LongConsumer progress) throws IOException {
        index.beginRebuild();
        AtomicLong count = new AtomicLong();
        try {
            catalog.forEachIndexed(doc -> {
                try {
                    index.replace(doc.id(), IndexRecords.of(doc, fieldsOf(doc), catalog.clauses(doc.id())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.accept(count.incrementAndGet());
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        index.endRebuild();
        return count.get();
    }

    /**
     * Brings the index in line with the catalog without rebuilding it: adds the documents it lacks
     * (written to the catalog before a crash, never committed to the index) and removes those it
     * should not have. Returns the number of documents changed.
     */
    public int repair() throws IOException {
        java.util.Set<String> indexed = index.documentIds();
        // Ids only: at every start, on archives of many thousand documents, reading whole rows took seconds.
        java.util.Set<String> expected = catalog.indexedDocumentIds();
        java.util.List<DocumentRecord> missing = new java.util.ArrayList<>();
        for (String id : expected) {
            if (!indexed.contains(id)) {
                catalog.find(id).ifPresent(missing::add);
            }
        }
        int changed = 0;
        for (DocumentRecord doc : missing) {
            var records = IndexRecords.of(doc, fieldsOf(doc), catalog.clauses(doc.id()));
            if (!records.isEmpty()) {
                index.replace(doc.id(), records);
                changed++;
            }
        }
        for (String id : indexed) {
            if (!expected.contains(id)) {
                index.delete(id);
                changed++;
            }
        }
        if (changed > 0) {
            index.commit();
        }
        return changed;
    }

    public static ContractFields fieldsOf(DocumentRecord doc) {
        if (doc.fieldsJson() == null) {
            return ContractFields.empty();
        }
        try {
            return Json.MAPPER.readValue(doc.fieldsJson(), ContractFields.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog holds unreadable fields for document " + doc.id() + ": " + e.getMessage(), e);
        }
    }
}
