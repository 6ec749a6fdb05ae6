package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator closes the open round; no more ratings are taken in it. */
public record CloseRoundCommand(@TargetAggregateIdentifier WorkshopId workshopId, RoundId roundId,
                                String facilitator) {
}
