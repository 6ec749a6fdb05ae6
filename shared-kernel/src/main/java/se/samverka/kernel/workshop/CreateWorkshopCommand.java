package se.samverka.kernel.workshop;

import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.project.ProjectId;

/**
 * Creates a workshop in a project. With {@code newProject} the project is created in the same
 * unit of work, from {@code importedModel} when given (an exported model), else from the
 * template, so a workshop never points at a project that does not exist.
 */
public record CreateWorkshopCommand(WorkshopId workshopId, ProjectId projectId, boolean newProject, String title,
                                    String templateId, String joinCode, String facilitator,
                                    CapabilityModel importedModel) {
}
