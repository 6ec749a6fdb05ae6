package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant says how a capability should be upheld; a later vote replaces it. */
public record VoteResponsibilityModeCommand(@TargetAggregateIdentifier WorkshopId workshopId,
                                            ParticipantId participantId, String capabilityId,
                                            ResponsibilityMode mode) {
}
