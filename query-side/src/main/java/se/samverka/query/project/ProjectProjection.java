package se.samverka.query.project;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectModelChangedEvent;

@Component
@ProcessingGroup(ProjectProjection.GROUP)
public class ProjectProjection {
    public static final String GROUP = "project-projection";

    private final ProjectViews views;

    public ProjectProjection(ProjectViews views) {
        this.views = views;
    }

    @EventHandler
    void on(ProjectCreatedEvent event) {
        views.save(new ProjectView(event.projectId().value(), event.name(), event.capabilityModel().templateId(),
                event.createdBy(), event.createdAt(), event.capabilityModel()));
    }

    @EventHandler
    void on(ProjectModelChangedEvent event) {
        views.find(event.projectId().value()).ifPresent(project ->
                views.save(project.withModel(event.capabilityModel())));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
