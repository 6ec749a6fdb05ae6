package se.samverka.kernel.records;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/** A steering-group decision approved, returned or stopped a plan version (the event of *approve plan*). */
public record PlanVersionDecidedEvent(ProjectId projectId, String version, PlanState state, WorkshopId workshopId,
                                      String decisionId, Instant decidedAt) implements ProjectRecordsEvent {
}
