package se.samverka.kernel.meeting;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator sets the meeting's purpose, goals and agenda items (title and sub-points). */
public record SetAgendaCommand(WorkshopId workshopId, String facilitator, String purpose, List<String> goals, List<AgendaItemInput> items) {
    @TargetAggregateIdentifier
    public MeetingId meetingId() {
        return MeetingId.of(workshopId);
    }
}
