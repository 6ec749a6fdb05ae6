package se.samverka.query.results;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.query.project.ProjectAccess;
import se.samverka.query.workshop.WorkshopAccess;

/** The capability picture of a workshop or of a whole project. */
@RestController
@RequestMapping("/api/v1")
public class ResultsController {
    private final ResultsQuery results;
    private final WorkshopAccess workshops;
    private final ProjectAccess projects;

    public ResultsController(ResultsQuery results, WorkshopAccess workshops, ProjectAccess projects) {
        this.results = results;
        this.workshops = workshops;
        this.projects = projects;
    }

    /** {@code round}: {@code current} (default), {@code free}, or a round's id. */
    @GetMapping("/workshops/{workshopId}/results")
    public ResultsView workshop(Caller caller, @PathVariable String workshopId,
                                @RequestParam(required = false) String round) {
        return results.ofWorkshop(workshops.readable(caller, workshopId), round);
    }

    /** The regional picture: the current results of every workshop of the project together. */
    @GetMapping("/projects/{projectId}/results")
    public ResultsView project(Caller caller, @PathVariable String projectId) {
        return results.ofProject(projects.readable(caller, projectId).id());
    }
}
