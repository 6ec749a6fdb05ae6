package se.samverka.query.audit;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import se.samverka.kernel.capability.LocalizedText;

/**
 * One line of a project's audit trail as stored: one per event, keyed by the event's
 * identifier. {@code sequence} numbers the project's lines 1, 2, 3 … in the order the trail
 * received them, {@code workshopSequence} the lines of one workshop; both are the versions of
 * the live audit streams. The actor is kept as the raw metadata value ({@code participant:<id>});
 * names are looked up when a line is read, so no name is copied into the trail.
 */
public record AuditEntry(@BsonId String id, String projectId, long sequence, String workshopId,
                         Long workshopSequence, String aggregateType, String aggregateId, long aggregateSequence,
                         Instant occurredAt, String eventType, String kind, String actor, boolean actorPublic,
                         boolean anonymous, LocalizedText summary, List<AuditChange> changes, String requestId,
                         String correlationId, String traceId) {
}
