package se.samverka.kernel.workshop;

import java.time.Instant;

/** The facilitator removed a participant from the workshop; their credential is revoked. */
public record ParticipantRemovedEvent(WorkshopId workshopId, ParticipantId participantId, Instant removedAt)
        implements WorkshopEvent {
}
