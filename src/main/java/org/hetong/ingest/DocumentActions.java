package org.hetong.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.UploadJobs;
import org.hetong.index.ClauseIndex;

/**
 * What staff do to one archived document: move it to the trash and back, or read it again after
 * a failure. Deleting is soft: the original and catalog entry stay, only lists and search lose it.
 */
public final class DocumentActions {
    private final Catalog catalog;
    private final ClauseIndex index;
    private final UploadJobs jobs;
    private final ImportQueue queue;

    public DocumentActions(Catalog catalog, ClauseIndex index, UploadJobs jobs, ImportQueue queue) {
        this.catalog = catalog;
        this.index = index;
        this.jobs = jobs;
        this.queue = queue;
    }

    /** Moves a document to the trash; false when it was not there to delete. */
    public boolean delete(String id) throws IOException {
        if (!catalog.softDelete(id)) {
            return false;
        }
        index.delete(id);
        index.refresh();
        return true;
    }

    /** Brings a document back from the trash into lists and search. */
    public boolean restore(String id) throws IOException {
        if (!catalog.restore(id)) {
            return false;
        }
        DocumentRecord doc = catalog.find(id).orElseThrow();
        if (DocumentRecord.INDEXED.equals(doc.status())) {
            index.replace(id, IndexRecords.of(doc, Reindexer.fieldsOf(doc), catalog.clauses(id)));
            index.refresh();
        }
        return true;
    }

    /** Queues a document to be read again from its original; returns the job to watch. */
    public Optional<String> retry(String id) {
        Optional<DocumentRecord> doc = catalog.find(id).filter(d -> d.deletedAt() == null);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        UploadJobs.Job job = jobs.create("retry", 1);
        jobs.arrive(job.id(), List.of(UploadJobs.Arrival.queued(doc.get().fileName(), doc.get().sha256(), doc.get().sizeBytes())));
        queue.wake();
        return Optional.of(job.id());
    }
}
