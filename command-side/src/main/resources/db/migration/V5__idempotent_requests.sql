-- Answers to commands sent with an Idempotency-Key, so a retry is answered with the first
-- result and never applied twice. key_hash covers the caller's credentials, the method, the
-- path and the key; fingerprint is the hash of the request body. A row is claimed before the
-- command runs (status NULL: in progress); the command's own transaction marks it applied,
-- so "applied" never disagrees with the event store; the answer is stored before it is sent.
CREATE TABLE idempotent_request (
    key_hash     CHAR(64)     NOT NULL PRIMARY KEY,
    fingerprint  CHAR(64)     NOT NULL,
    applied      BOOLEAN      DEFAULT FALSE NOT NULL,
    status       INTEGER,
    content_type VARCHAR(100),
    location     VARCHAR(500),
    body         BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);


-- No index on created_at: the hourly-scale purge scans the table. With an index here, the
-- event-chain contract test on H2 (file mode) lost rows from event_chain's unique index lookups
-- in every full module run (H2 2.3); without it, none.
