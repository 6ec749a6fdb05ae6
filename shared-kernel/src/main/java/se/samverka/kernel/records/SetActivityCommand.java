package se.samverka.kernel.records;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * The facilitator adds or changes an activity of the project's timeline (A1, A2, …): its name and
 * the ISO weeks it runs from and to ({@code 2020-W41} to {@code 2021-W04}); the end may not come
 * before the start.
 */
public record SetActivityCommand(ProjectId projectId, String facilitator, String activityId, String name,
                                 String startWeek, String endWeek) {
    @TargetAggregateIdentifier
    public ProjectRecordsId recordsId() {
        return ProjectRecordsId.of(projectId);
    }
}
