package se.samverka.kernel.records;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator takes an activity (A1, A2, …) off the project's timeline. */
public record RemoveActivityCommand(ProjectId projectId, String facilitator, String activityId) {
    @TargetAggregateIdentifier
    public ProjectRecordsId recordsId() {
        return ProjectRecordsId.of(projectId);
    }
}
