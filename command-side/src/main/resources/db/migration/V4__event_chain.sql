-- Tamper evidence. Every event of a project gets one entry here, in the order the chaining
-- processor saw it: entry_hash = SHA-256(previous_hash, the event's stored columns), so an event
-- changed or removed in DomainEventEntry after it was chained no longer matches its entry.
-- Runs unchanged on H2 and PostgreSQL.
CREATE TABLE event_chain (
    global_index         BIGINT       NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    project_id           VARCHAR(64)  NOT NULL,
    chain_position       BIGINT       NOT NULL,
    previous_hash        VARCHAR(64)  NOT NULL,
    entry_hash           VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_event_chain_event UNIQUE (event_identifier),
    CONSTRAINT uk_event_chain_position UNIQUE (project_id, chain_position)
);

-- Which project an aggregate's events belong to: set by the aggregate's first event that
-- names a project (a workshop's WorkshopCreatedEvent).
CREATE TABLE event_chain_member (
    aggregate_identifier VARCHAR(255) NOT NULL PRIMARY KEY,
    project_id           VARCHAR(64)  NOT NULL
);

-- Tracking tokens of the command side's own processors (Axon's default names), kept in the
-- same database and transaction as what they write, so a batch and its token commit together.
CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);
