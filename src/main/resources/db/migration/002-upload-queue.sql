-- hetong catalog, version 2: upload jobs become the persistent work queue.
-- An item is written (status queued) only after its original is durably in originals/, and before the
-- upload is acknowledged; workers claim queued items; a restart puts items left in processing back in the queue.

ALTER TABLE upload_jobs ADD COLUMN expected INTEGER;                 -- files the client announced (null: unknown)
ALTER TABLE upload_jobs ADD COLUMN received INTEGER NOT NULL DEFAULT 0;   -- top-level files received so far
ALTER TABLE upload_jobs ADD COLUMN source TEXT NOT NULL DEFAULT 'web';     -- web | cli | retry
ALTER TABLE upload_jobs ADD COLUMN finished_at TEXT;

ALTER TABLE upload_items ADD COLUMN parent_seq INTEGER;             -- the mail or archive an item was found in
ALTER TABLE upload_items ADD COLUMN size_bytes INTEGER;
ALTER TABLE upload_items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;   -- bumped on every change, for incremental polling
ALTER TABLE upload_items ADD COLUMN queued_at TEXT;
ALTER TABLE upload_items ADD COLUMN updated_at TEXT;

CREATE INDEX upload_items_queue ON upload_items(status, queued_at);
CREATE INDEX upload_items_by_version ON upload_items(job_id, version);
CREATE INDEX upload_jobs_by_state ON upload_jobs(state, created_at);
