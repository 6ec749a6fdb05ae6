package se.samverka.kernel.meeting;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator moved the meeting to another agenda item (null: to none). */
public record AgendaItemMovedEvent(WorkshopId workshopId, ProjectId projectId, String itemId, String movedBy,
                                   Instant movedAt) implements MeetingEvent {
}
