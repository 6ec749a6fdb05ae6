package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator opens a voting round over part of the model. */
public record OpenRoundCommand(@TargetAggregateIdentifier WorkshopId workshopId, RoundId roundId, String facilitator,
                               RoundScope scope, RoundSettings settings) {
}
