package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant joins a workshop with its join code, a display name and their organisation. */
public record JoinWorkshopCommand(@TargetAggregateIdentifier WorkshopId workshopId, ParticipantId participantId,
                                  String displayName, String organisation) {
}
