package se.samverka.kernel.meeting;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator set the meeting's purpose, goals and agenda (replacing any earlier agenda). */
public record AgendaSetEvent(WorkshopId workshopId, ProjectId projectId, String purpose, List<String> goals,
                             List<AgendaItem> items, String setBy, Instant setAt) implements MeetingEvent {
}
