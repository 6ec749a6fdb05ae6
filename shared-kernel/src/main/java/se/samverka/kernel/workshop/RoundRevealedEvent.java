package se.samverka.kernel.workshop;

import java.time.Instant;

/** A closed round's results were revealed to everyone. */
public record RoundRevealedEvent(WorkshopId workshopId, RoundId roundId, Instant revealedAt)
        implements WorkshopEvent {
}
