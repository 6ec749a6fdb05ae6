package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The facilitator who runs a workshop removes a participant from it: the participant's token
 * is revoked at once and their open live connections are closed.
 */
public record RemoveParticipantCommand(@TargetAggregateIdentifier WorkshopId workshopId, String facilitator,
                                       ParticipantId participantId) {
}
