-- Credentials withdrawn before their tokens expire. Tokens are stateless (signed, not stored),
-- so a removed participant's token stays cryptographically valid until it expires; every
-- request and live connection is also checked against this list. A row is written in the
-- transaction of the command that revokes (it appends the ParticipantRemovedEvent), so the
-- list never disagrees with the event store. actor is Caller.actor(): participant:<id>.
CREATE TABLE revoked_credential (
    actor       VARCHAR(200) NOT NULL PRIMARY KEY,
    workshop_id VARCHAR(64),
    revoked_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
