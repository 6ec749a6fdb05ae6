-- Set-wide rules the aggregates cannot check alone. Written in the same transaction as the
-- events of the command that claims them, so they never disagree with the event store.
CREATE TABLE join_code (
    code        VARCHAR(16) NOT NULL PRIMARY KEY,
    workshop_id VARCHAR(64) NOT NULL UNIQUE
);

-- Facilitator accounts are not events: a password hash is a secret, and events never carry secrets.
CREATE TABLE facilitator_account (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
