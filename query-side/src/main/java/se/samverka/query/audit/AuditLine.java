package se.samverka.query.audit;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.capability.LocalizedText;

/**
 * A line of the audit trail as one reader sees it: when, who, what, old → new, and the ids that
 * tie it to its request ({@code requestId}) and to the chain of messages it came from
 * ({@code correlationId}). {@code source} names the event itself, as the hash chain does.
 */
public record AuditLine(String id, long sequence, String workshopId, Long workshopSequence, Instant occurredAt,
                        String kind, String type, Actor actor, LocalizedText summary, List<AuditChange> changes,
                        String requestId, String correlationId, String traceId, Source source) {

    /**
     * Who did it. {@code role}: {@code facilitator}, {@code participant} or {@code system}.
     * When the reader may not know who it was, only the role is given and {@code anonymous} is true;
     * {@code name} is null as well when the person is not known (any more).
     */
    public record Actor(String role, String id, String name, String organisation, boolean anonymous) {
    }

    /** The event the line is made from. */
    public record Source(String aggregateType, String aggregateId, long sequenceNumber, String eventType) {
    }
}
