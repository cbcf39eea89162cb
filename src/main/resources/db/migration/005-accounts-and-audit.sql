-- hetong catalog, version 5: accounts, API tokens and the audit log.

CREATE TABLE users (
    username      TEXT PRIMARY KEY,
    role          TEXT NOT NULL,               -- reader | uploader | admin
    password_hash TEXT NOT NULL,               -- Argon2id in PHC string format ($argon2id$v=19$m=…,t=…,p=…$salt$hash)
    enabled       INTEGER NOT NULL DEFAULT 1,  -- accounts are disabled, never deleted (the audit log names them)
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY,              -- 12 hex digits, shown in lists and the audit log
    name        TEXT NOT NULL,                 -- what it is for, e.g. 扫描仪导入脚本
    username    TEXT NOT NULL REFERENCES users(username),   -- the account it acts as
    token_hash  TEXT NOT NULL UNIQUE,          -- SHA-256 of the secret; the secret itself is shown once and never stored
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

-- Append-only: the triggers below refuse every UPDATE and DELETE.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,                    -- UTC, yyyy-MM-ddTHH:mm:ss.SSSZ (text order is time order)
    username TEXT,                             -- who (null: not logged in)
    action   TEXT NOT NULL,                    -- login, login-failed, logout, search, view, download, text, upload, …
    target   TEXT,                             -- a document id, job id, account or token
    detail   TEXT,                             -- query and filters, file name, file count, …
    ip       TEXT,                             -- from where
    status   INTEGER NOT NULL DEFAULT 0        -- HTTP status of the request
);
CREATE INDEX audit_log_by_time ON audit_log(at);
CREATE INDEX audit_log_by_user ON audit_log(username, at);
CREATE INDEX audit_log_by_action ON audit_log(action, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
