package se.samverka.kernel.survey;

import se.samverka.kernel.project.ProjectId;

/** Everything that happens in a project's environment analysis; every event moves its version up by one. */
public sealed interface EnvironmentEvent permits EnvironmentSourceSetEvent, FindingRecordedEvent,
        FindingWithdrawnEvent {
    ProjectId projectId();
}
