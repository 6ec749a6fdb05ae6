package se.samverka.kernel.workshop;

import java.time.Instant;

/** The facilitator closed a round. */
public record RoundClosedEvent(WorkshopId workshopId, RoundId roundId, Instant closedAt) implements WorkshopEvent {
}
