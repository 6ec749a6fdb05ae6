package se.samverka.kernel.records;

import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * *Approve plan*: the outcome of a plan-approval decision moves the plan version to {@code state}.
 * Never sent over HTTP; closing the decision executes it on the records in the same unit of work.
 */
public record ApprovePlanCommand(ProjectId projectId, String version, PlanState state, WorkshopId workshopId,
                                 String decisionId) {
}
