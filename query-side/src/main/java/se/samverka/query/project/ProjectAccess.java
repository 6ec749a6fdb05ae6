package se.samverka.query.project;

import org.springframework.stereotype.Component;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.query.workshop.WorkshopViews;

/**
 * Decides who may read a project's records (risk register, status, decisions): the
 * facilitator who created it, and participants of any of its workshops.
 */
@Component
public class ProjectAccess {
    private final ProjectViews projects;
    private final WorkshopViews workshops;

    public ProjectAccess(ProjectViews projects, WorkshopViews workshops) {
        this.projects = projects;
        this.workshops = workshops;
    }

    /** The project the caller may read, or a 403/404 refusal. */
    public ProjectView readable(Caller caller, String projectId) {
        if (!Ids.isSafe(projectId)) {
            throw unknown();
        }
        ProjectView project = projects.find(projectId).orElseThrow(ProjectAccess::unknown);
        boolean allowed = caller.isFacilitator()
                ? caller.subject().equals(project.createdBy())
                : workshops.find(caller.workshopId().value())
                        .map(workshop -> projectId.equals(workshop.projectId()))
                        .orElse(false);
        if (!allowed) {
            throw DomainException.forbidden("this project belongs to others");
        }
        return project;
    }

    /** The project a facilitator runs, or a 403/404 refusal; participants are refused. */
    public ProjectView runBy(Caller caller, String projectId) {
        caller.requireFacilitator();
        return readable(caller, projectId);
    }

    /** Whether the caller is the facilitator who runs the project; never throws. */
    public boolean mayRun(Caller caller, String projectId) {
        try {
            runBy(caller, projectId);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /** Whether the caller may follow the project live; never throws. */
    public boolean mayFollow(Caller caller, String projectId) {
        try {
            readable(caller, projectId);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private static DomainException unknown() {
        return DomainException.notFound("unknown-project", "no such project");
    }
}
