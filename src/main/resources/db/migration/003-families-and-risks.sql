-- hetong catalog, version 3: what family linking and risk flags need.

ALTER TABLE documents ADD COLUMN facts_json TEXT;   -- DocumentFacts: keys, references, mail threading, amendments
ALTER TABLE documents ADD COLUMN risks_json TEXT;   -- risks as of the last assessment (contracts only)
ALTER TABLE documents ADD COLUMN created_by TEXT;   -- the upload item (job:seq) whose processing first read it

-- Family links (relation supplement | correspondence | record | related) go from the contract to the document.
-- origin: auto (hetong's, with reason and confidence), staff (set or confirmed by a person; never overridden),
-- rejected (a person removed this automatic link; it is not made again).
CREATE INDEX links_by_relation ON links(relation, to_id);
