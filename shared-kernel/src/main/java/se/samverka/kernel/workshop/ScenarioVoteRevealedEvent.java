package se.samverka.kernel.workshop;

import java.time.Instant;

public record ScenarioVoteRevealedEvent(WorkshopId workshopId, RoundId voteId, Instant revealedAt)
        implements WorkshopEvent {
}
