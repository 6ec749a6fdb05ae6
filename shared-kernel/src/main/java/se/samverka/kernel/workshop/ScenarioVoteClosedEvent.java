package se.samverka.kernel.workshop;

import java.time.Instant;

public record ScenarioVoteClosedEvent(WorkshopId workshopId, RoundId voteId, Instant closedAt)
        implements WorkshopEvent {
}
