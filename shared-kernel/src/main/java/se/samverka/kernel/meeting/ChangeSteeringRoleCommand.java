package se.samverka.kernel.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator gives a participant the steering-group member role, or takes it back. */
public record ChangeSteeringRoleCommand(WorkshopId workshopId, String facilitator, ParticipantId participantId, boolean member) {
    @TargetAggregateIdentifier
    public MeetingId meetingId() {
        return MeetingId.of(workshopId);
    }
}
