package se.samverka.kernel.workshop;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A participant rates one capability, overall ({@code dimension} null) or on one dimension;
 * a later rating of the same capability and dimension in the same round replaces it.
 */
public record RateCapabilityCommand(@TargetAggregateIdentifier WorkshopId workshopId, ParticipantId participantId,
                                    String capabilityId, String dimension, Score score) {
    /** An overall rating. */
    public RateCapabilityCommand(WorkshopId workshopId, ParticipantId participantId, String capabilityId,
                                 Score score) {
        this(workshopId, participantId, capabilityId, null, score);
    }
}
