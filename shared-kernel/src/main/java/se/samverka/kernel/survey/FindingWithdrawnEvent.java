package se.samverka.kernel.survey;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A finding was withdrawn. */
public record FindingWithdrawnEvent(ProjectId projectId, String findingId, String withdrawnBy, Instant withdrawnAt)
        implements EnvironmentEvent {
}
