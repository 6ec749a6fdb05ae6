package se.samverka.kernel.records;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator adds a plan version (for example "0.2") as a draft; adding it again is a no-op. */
public record AddPlanVersionCommand(ProjectId projectId, String facilitator, String version, String note) {
    @TargetAggregateIdentifier
    public ProjectRecordsId recordsId() {
        return ProjectRecordsId.of(projectId);
    }
}
