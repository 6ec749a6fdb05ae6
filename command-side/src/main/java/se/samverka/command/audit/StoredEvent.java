package se.samverka.command.audit;

/**
 * One row of {@code DomainEventEntry} exactly as stored: the content the hash chain covers.
 * Timestamps and payloads are kept as the stored text and bytes, never re-serialised, so the
 * hash depends on nothing but what the database holds.
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                   byte[] metaData) {

    static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "timeStamp, payloadType, payloadRevision, payload, metaData";
}
