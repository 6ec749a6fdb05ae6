package se.samverka.kernel.workshop;

import java.time.Instant;

/**
 * A participant rated a capability. {@code previousScore} is the rating it replaces, or null:
 * with it a projection can keep counts without remembering every participant's rating.
 * {@code roundId} is null for free rating (no rounds run); {@code dimension} is null for an
 * overall rating. Events stored before rounds existed read both as null.
 */
public record CapabilityRatedEvent(WorkshopId workshopId, ParticipantId participantId, String capabilityId,
                                   int score, Integer previousScore, Instant ratedAt, RoundId roundId,
                                   String dimension) implements WorkshopEvent {
    /** A free, overall rating. */
    public CapabilityRatedEvent(WorkshopId workshopId, ParticipantId participantId, String capabilityId, int score,
                                Integer previousScore, Instant ratedAt) {
        this(workshopId, participantId, capabilityId, score, previousScore, ratedAt, null, null);
    }
}
