-- hetong catalog, version 7: counting searchable clauses without reading every clause's text.
-- Start-up and /api/health compare the catalog's searchable clauses with the index's; at 1M clauses the
-- count read the whole clauses table (0.7 s, under the catalog's lock). This index covers the count.

CREATE INDEX clauses_searchable ON clauses(searchable, document_id);
