package se.samverka.kernel.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator moves the meeting to an agenda item (null: none); every screen follows. */
public record MoveAgendaCommand(WorkshopId workshopId, String facilitator, String itemId) {
    @TargetAggregateIdentifier
    public MeetingId meetingId() {
        return MeetingId.of(workshopId);
    }
}
