package se.samverka.kernel.records;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A new plan version (v0.1, v0.2, …) was drawn up, as a draft. */
public record PlanVersionAddedEvent(ProjectId projectId, String version, String note, String addedBy,
                                    Instant addedAt) implements ProjectRecordsEvent {
}
