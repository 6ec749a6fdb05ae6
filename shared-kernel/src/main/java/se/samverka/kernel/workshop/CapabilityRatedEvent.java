package se.samverka.kernel.workshop;

import java.time.Instant;

/**
 * A participant rated a capability. {@code previousScore} is the rating it replaces, or null:
 * with it a projection can keep counts without remembering every participant's rating.
 */
public record CapabilityRatedEvent(WorkshopId workshopId, ParticipantId participantId, String capabilityId,
                                   int score, Integer previousScore, Instant ratedAt) implements WorkshopEvent {
}
