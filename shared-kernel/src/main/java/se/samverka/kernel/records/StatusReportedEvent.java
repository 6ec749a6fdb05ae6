package se.samverka.kernel.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.WorkshopId;

/** The status report for one meeting (replacing that meeting's earlier report; other meetings' reports stay). */
public record StatusReportedEvent(ProjectId projectId, WorkshopId workshopId, LocalDate reportedOn,
                                  List<StatusRow> rows, String reportedBy, Instant reportedAt)
        implements ProjectRecordsEvent {
}
