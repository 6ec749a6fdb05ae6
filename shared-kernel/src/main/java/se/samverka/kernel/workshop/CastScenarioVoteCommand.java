package se.samverka.kernel.workshop;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A participant's ballot in a scenario vote: dots per scenario (dot voting) or every scenario in
 * order of preference (ranking). A new ballot replaces the participant's earlier one.
 */
public record CastScenarioVoteCommand(@TargetAggregateIdentifier WorkshopId workshopId, ParticipantId participantId,
                                      RoundId voteId, Map<String, Integer> dots, List<String> ranking) {
}
