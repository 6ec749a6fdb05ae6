package se.samverka.kernel.workshop;

import java.time.Instant;
import java.util.List;

/** A scenario vote opened over the listed scenarios. */
public record ScenarioVoteOpenedEvent(WorkshopId workshopId, RoundId voteId, ScenarioVoteMethod method,
                                      int dotsPerPerson, boolean sealed, List<String> scenarioIds, Instant openedAt)
        implements WorkshopEvent {
    public ScenarioVoteOpenedEvent {
        scenarioIds = List.copyOf(scenarioIds);
    }
}
