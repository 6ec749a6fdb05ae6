package se.samverka.kernel.records;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator sets the project's facts; the end date may not come before the start date. */
public record SetProjectFactsCommand(ProjectId projectId, String facilitator, String name, String goal,
                                     Long totalCostSek, List<String> financing, String municipalContribution,
                                     LocalDate startDate, LocalDate endDate, List<String> deliverables) {
    @TargetAggregateIdentifier
    public ProjectRecordsId recordsId() {
        return ProjectRecordsId.of(projectId);
    }
}
