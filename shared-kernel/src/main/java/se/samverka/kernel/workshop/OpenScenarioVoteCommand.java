package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator opens a vote across the workshop's scenarios; sealed until revealed by default. */
public record OpenScenarioVoteCommand(@TargetAggregateIdentifier WorkshopId workshopId, String facilitator,
                                      RoundId voteId, ScenarioVoteMethod method, int dotsPerPerson, boolean sealed) {
    public static final int MAX_DOTS = 20;
}
