-- Each participant's key for their personal data (name, organisation), which events carry only
-- sealed with it. Erasing a participant deletes the key and keeps the row as the record that
-- they were erased; the events, and so the hash chain, stay untouched (docs/personal-data.md).
CREATE TABLE personal_data_key (
    participant_id VARCHAR(64) NOT NULL PRIMARY KEY,
    secret         VARCHAR(64),
    created_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    erased_at      TIMESTAMP WITH TIME ZONE
);
