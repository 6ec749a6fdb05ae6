package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator closes a scenario vote. */
public record CloseScenarioVoteCommand(@TargetAggregateIdentifier WorkshopId workshopId, String facilitator,
                                       RoundId voteId) {
}
