package se.samverka.kernel.records;

import java.time.Instant;
import java.time.LocalDate;
import se.samverka.kernel.project.ProjectId;

/** A milestone was set or changed: its name, planned and due dates, and when it was reached (null: not yet). */
public record MilestoneSetEvent(ProjectId projectId, String milestoneId, String name, LocalDate planned,
                                LocalDate due, LocalDate reachedOn, String setBy, Instant setAt)
        implements ProjectRecordsEvent {
}
