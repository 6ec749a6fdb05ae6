package se.samverka.kernel.records;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/** The facilitator reports the project's status for one meeting (a workshop of the project). */
public record ReportStatusCommand(ProjectId projectId, String facilitator, WorkshopId workshopId,
                                  LocalDate reportedOn, List<StatusRow> rows) {
    @TargetAggregateIdentifier
    public ProjectRecordsId recordsId() {
        return ProjectRecordsId.of(projectId);
    }
}
