package se.samverka.kernel.workshop;

import java.time.Instant;

/** A participant voted how a capability should be upheld; {@code previousMode} is the vote it replaces. */
public record ResponsibilityModeVotedEvent(WorkshopId workshopId, ParticipantId participantId, String capabilityId,
                                           ResponsibilityMode mode, ResponsibilityMode previousMode,
                                           Instant votedAt) implements WorkshopEvent {
}
