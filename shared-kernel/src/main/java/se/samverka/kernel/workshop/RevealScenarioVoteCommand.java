package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator reveals a closed scenario vote. */
public record RevealScenarioVoteCommand(@TargetAggregateIdentifier WorkshopId workshopId, String facilitator,
                                        RoundId voteId) {
}
