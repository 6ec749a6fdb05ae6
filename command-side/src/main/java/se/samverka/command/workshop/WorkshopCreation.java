package se.samverka.command.workshop;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.samverka.command.project.Project;
import se.samverka.command.project.ProjectWorkshops;
import se.samverka.command.template.TemplateCatalog;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.CreateWorkshopCommand;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Creates a workshop, and its project when it has none, in one unit of work: the project's
 * and the workshop's first events, the join code claim and the project's workshop list commit
 * together or not at all.
 */
@Component
public class WorkshopCreation {
    private final Repository<Workshop> workshops;
    private final Repository<Project> projects;
    private final TemplateCatalog templates;
    private final JoinCodes joinCodes;
    private final ProjectWorkshops projectWorkshops;

    public WorkshopCreation(Repository<Workshop> workshops, Repository<Project> projects, TemplateCatalog templates,
                            JoinCodes joinCodes, ProjectWorkshops projectWorkshops) {
        this.workshops = workshops;
        this.projects = projects;
        this.templates = templates;
        this.joinCodes = joinCodes;
        this.projectWorkshops = projectWorkshops;
    }

    @CommandHandler
    public WorkshopId handle(CreateWorkshopCommand command, Clock clock) throws Exception {
        CapabilityModel model;
        if (command.newProject()) {
            model = command.importedModel() != null ? command.importedModel()
                    : templates.find(command.templateId()).orElseThrow(() -> DomainException.notFound(
                    "unknown-template", "there is no template '" + command.templateId() + "'"));
            projects.newInstance(() -> new Project(command.projectId(), command.title(), model,
                    command.facilitator(), clock.instant()));
        } else {
            model = projects.load(command.projectId().value()).invoke(project -> {
                project.requireRunBy(command.facilitator());
                return project.capabilityModel();
            });
        }
        joinCodes.claim(command.joinCode(), command.workshopId());
        projectWorkshops.register(command.projectId(), command.workshopId());
        workshops.newInstance(() -> new Workshop(command.workshopId(), command.projectId(), command.title(),
                command.joinCode(), command.facilitator(), model, clock.instant()));
        return command.workshopId();
    }
}
