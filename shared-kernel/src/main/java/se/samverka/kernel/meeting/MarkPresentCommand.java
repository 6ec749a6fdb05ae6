package se.samverka.kernel.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/** A participant says they are here. */
public record MarkPresentCommand(WorkshopId workshopId, ParticipantId participantId) {
    @TargetAggregateIdentifier
    public MeetingId meetingId() {
        return MeetingId.of(workshopId);
    }
}
