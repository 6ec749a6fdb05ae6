package se.samverka.kernel.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samverka.kernel.project.ProjectId;

/** The facilitator set the project's facts. */
public record ProjectFactsSetEvent(ProjectId projectId, String name, String goal, Long totalCostSek,
                                   List<String> financing, String municipalContribution, LocalDate startDate,
                                   LocalDate endDate, List<String> deliverables, String setBy, Instant setAt)
        implements ProjectRecordsEvent {
}
