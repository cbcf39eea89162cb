-- hetong catalog, version 6: what the process did last, for work that need not be repeated at every start.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,   -- e.g. 'risks.assessed': the day and checklist of the last full risk refresh
    value TEXT NOT NULL
);
