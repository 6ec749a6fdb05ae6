package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator reveals a closed round's results to everyone. */
public record RevealRoundCommand(@TargetAggregateIdentifier WorkshopId workshopId, RoundId roundId,
                                 String facilitator) {
}
