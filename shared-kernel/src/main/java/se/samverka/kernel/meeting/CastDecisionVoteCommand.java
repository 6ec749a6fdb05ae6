package se.samverka.kernel.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/** A steering-group member votes on an open decision; a changed vote replaces the earlier one. */
public record CastDecisionVoteCommand(WorkshopId workshopId, ParticipantId participantId, String decisionId, String optionId) {
    @TargetAggregateIdentifier
    public MeetingId meetingId() {
        return MeetingId.of(workshopId);
    }
}
