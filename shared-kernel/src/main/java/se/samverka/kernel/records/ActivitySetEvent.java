package se.samverka.kernel.records;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** An activity of the timeline was added or changed; its weeks are ISO weeks written {@code 2020-W41}. */
public record ActivitySetEvent(ProjectId projectId, String activityId, String name, String startWeek,
                               String endWeek, String setBy, Instant setAt) implements ProjectRecordsEvent {
}
