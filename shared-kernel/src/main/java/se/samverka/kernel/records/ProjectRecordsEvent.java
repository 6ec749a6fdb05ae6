package se.samverka.kernel.records;

import se.samverka.kernel.project.ProjectId;

/** Everything that happens in a project's records; every event moves their version up by one. */
public sealed interface ProjectRecordsEvent permits ProjectFactsSetEvent, PlanVersionAddedEvent,
        PlanVersionDecidedEvent, MilestoneSetEvent, StatusReportedEvent, ActivitySetEvent, ActivityRemovedEvent,
        OrganisationsSetEvent {
    ProjectId projectId();
}
