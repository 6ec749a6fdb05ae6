package se.samverka.kernel.survey;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;

/** A finding was recorded or reworded, with the sources it rests on and the capabilities it concerns. */
public record FindingRecordedEvent(ProjectId projectId, String findingId, String statement, List<String> sourceIds,
                                   List<String> capabilityIds, String recordedBy, Instant recordedAt)
        implements EnvironmentEvent {
}
