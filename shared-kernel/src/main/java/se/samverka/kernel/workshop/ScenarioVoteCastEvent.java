package se.samverka.kernel.workshop;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A participant's ballot, replacing {@code previousDots}/{@code previousRanking} when they had
 * voted before (null otherwise), so tallies can be kept without re-reading old ballots.
 */
public record ScenarioVoteCastEvent(WorkshopId workshopId, ParticipantId participantId, RoundId voteId,
                                    Map<String, Integer> dots, List<String> ranking,
                                    Map<String, Integer> previousDots, List<String> previousRanking,
                                    Instant castAt) implements WorkshopEvent {
}
