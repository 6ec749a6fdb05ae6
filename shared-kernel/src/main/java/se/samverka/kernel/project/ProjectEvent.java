package se.samverka.kernel.project;

/** Everything that happens to a project's long-lived records. */
public sealed interface ProjectEvent permits ProjectCreatedEvent, ProjectModelChangedEvent {
    ProjectId projectId();
}
