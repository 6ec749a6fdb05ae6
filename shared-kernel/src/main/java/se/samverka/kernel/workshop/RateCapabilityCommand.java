package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant rates one capability; a later rating of the same capability replaces it. */
public record RateCapabilityCommand(@TargetAggregateIdentifier WorkshopId workshopId, ParticipantId participantId,
                                    String capabilityId, Score score) {
}
