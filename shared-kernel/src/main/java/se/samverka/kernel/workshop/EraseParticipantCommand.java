package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The facilitator erases a participant's personal data (their key); their votes stay counted. */
public record EraseParticipantCommand(@TargetAggregateIdentifier WorkshopId workshopId, String facilitator,
                                      ParticipantId participantId) {
}
