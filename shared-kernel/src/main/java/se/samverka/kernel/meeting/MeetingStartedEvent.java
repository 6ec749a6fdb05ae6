package se.samverka.kernel.meeting;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/** The meeting's first event: it joins the project's record (its audit trail) through {@code projectId}. */
public record MeetingStartedEvent(WorkshopId workshopId, ProjectId projectId, String facilitator, Instant startedAt)
        implements MeetingEvent {
}
