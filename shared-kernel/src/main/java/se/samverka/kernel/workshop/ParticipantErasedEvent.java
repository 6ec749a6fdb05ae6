package se.samverka.kernel.workshop;

import java.time.Instant;

/**
 * A participant's personal data was erased: their key is deleted, so their sealed name and
 * organisation no longer read. The event itself carries nothing personal.
 */
public record ParticipantErasedEvent(WorkshopId workshopId, ParticipantId participantId, String erasedBy,
                                     Instant erasedAt) implements WorkshopEvent {
}
