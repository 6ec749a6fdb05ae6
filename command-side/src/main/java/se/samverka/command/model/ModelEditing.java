package se.samverka.command.model;

import java.time.Clock;
import java.util.NoSuchElementException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.samverka.command.project.Project;
import se.samverka.command.project.ProjectWorkshops;
import se.samverka.command.workshop.Workshop;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.ModelChange;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.EditCapabilityModelCommand;

/**
 * Edits a project's capability model and carries the edit into every workshop of the project
 * in one unit of work: the project and its workshops never disagree on the model.
 */
@Component
public class ModelEditing {
    private final Repository<Project> projects;
    private final Repository<Workshop> workshops;
    private final ProjectWorkshops projectWorkshops;

    public ModelEditing(Repository<Project> projects, Repository<Workshop> workshops,
                        ProjectWorkshops projectWorkshops) {
        this.projects = projects;
        this.workshops = workshops;
        this.projectWorkshops = projectWorkshops;
    }

    @CommandHandler
    public CapabilityModel handle(EditCapabilityModelCommand command, Clock clock) {
        Aggregate<Project> project = projects.load(command.projectId().value());
        CapabilityModel next = project.invoke(p -> {
            p.requireRunBy(command.facilitator());
            return edited(p.capabilityModel(), command);
        });
        if (next.equals(project.invoke(Project::capabilityModel))) {
            return next;
        }
        ModelChange change = new ModelChange(command.kind(), command.capabilityId());
        project.execute(p -> p.changeModel(change, next, clock.instant()));
        for (String workshopId : projectWorkshops.of(command.projectId())) {
            workshops.load(workshopId).execute(w -> w.adoptModel(change, next, clock.instant()));
        }
        return next;
    }

    private static CapabilityModel edited(CapabilityModel model, EditCapabilityModelCommand command) {
        try {
            return switch (command.kind()) {
                case ADDED -> model.withAdded(command.categoryId(), command.parentId(), command.capabilityId(),
                        requireName(command));
                case RENAMED -> model.withRenamed(command.capabilityId(), requireName(command));
                case MOVED -> model.withMoved(command.capabilityId(), command.categoryId(), command.parentId());
                case RETIRED -> model.withRetired(command.capabilityId());
            };
        } catch (NoSuchElementException e) {
            throw DomainException.notFound("unknown-capability", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-model-edit", e.getMessage());
        }
    }

    private static se.samverka.kernel.capability.LocalizedText requireName(EditCapabilityModelCommand command) {
        if (command.name() == null) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-model-edit", "a name is required");
        }
        return command.name();
    }
}
