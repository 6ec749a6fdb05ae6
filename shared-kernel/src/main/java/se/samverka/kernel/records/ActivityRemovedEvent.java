package se.samverka.kernel.records;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/**
 * An activity was taken off the timeline. It carries the name and weeks the activity had, so the
 * audit trail can say what went without reading back through the events.
 */
public record ActivityRemovedEvent(ProjectId projectId, String activityId, String name, String startWeek,
                                   String endWeek, String removedBy, Instant removedAt)
        implements ProjectRecordsEvent {
}
