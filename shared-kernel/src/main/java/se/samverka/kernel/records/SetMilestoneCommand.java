package se.samverka.kernel.records;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator sets a milestone (M1, M2, …); due may not come before planned. */
public record SetMilestoneCommand(ProjectId projectId, String facilitator, String milestoneId, String name,
                                  LocalDate planned, LocalDate due, LocalDate reachedOn) {
    @TargetAggregateIdentifier
    public ProjectRecordsId recordsId() {
        return ProjectRecordsId.of(projectId);
    }
}
