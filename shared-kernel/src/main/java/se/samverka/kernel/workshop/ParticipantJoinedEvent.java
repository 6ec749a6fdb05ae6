package se.samverka.kernel.workshop;

import java.time.Instant;

/** A participant joined a workshop. */
public record ParticipantJoinedEvent(WorkshopId workshopId, ParticipantId participantId, String displayName,
                                     String organisation, Instant joinedAt) implements WorkshopEvent {
}
