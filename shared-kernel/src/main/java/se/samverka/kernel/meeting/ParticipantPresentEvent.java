package se.samverka.kernel.meeting;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/** A participant said they are here (once per meeting). */
public record ParticipantPresentEvent(WorkshopId workshopId, ProjectId projectId, ParticipantId participantId,
                                      String displayName, Instant presentAt) implements MeetingEvent {
}
