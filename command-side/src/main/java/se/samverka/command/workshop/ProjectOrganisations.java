package se.samverka.command.workshop;

import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.OrganisationList;

/**
 * The member organisations a project's participants pick from when they join. The project's
 * records hold them ({@code ProjectRecordsAccess}); an interface here keeps the workshop's
 * join rule testable without them.
 */
public interface ProjectOrganisations {
    OrganisationList of(ProjectId project);
}
