package se.samverka.kernel.workshop;

import java.time.Instant;

/** A round's time limit ran out; it is closed like a round the facilitator closed. */
public record RoundTimedOutEvent(WorkshopId workshopId, RoundId roundId, Instant closedAt) implements WorkshopEvent {
}
