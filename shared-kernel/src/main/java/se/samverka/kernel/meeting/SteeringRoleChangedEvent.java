package se.samverka.kernel.meeting;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator gave (member = true) or took back the steering-group member role. */
public record SteeringRoleChangedEvent(WorkshopId workshopId, ProjectId projectId, ParticipantId participantId,
                                       String displayName, boolean member, String changedBy, Instant changedAt)
        implements MeetingEvent {
}
