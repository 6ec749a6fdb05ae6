package se.samverka.query.risk;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.query.project.ProjectAccess;

/** Reads of a project's risk register, for its facilitator and the participants of its workshops. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/risks")
public class RiskQueryController {
    private final RiskRegisterViews views;
    private final ProjectAccess access;

    public RiskQueryController(RiskRegisterViews views, ProjectAccess access) {
        this.views = views;
        this.access = access;
    }

    /** The whole register with its version; version -1 and no risks when nothing has happened in it. */
    @GetMapping
    public RiskRegisterView register(Caller caller, @PathVariable String projectId) {
        String project = access.readable(caller, projectId).id();
        return views.find(project).orElseGet(() -> RiskRegisterView.empty(project));
    }

    @GetMapping("/{riskId}")
    public RiskView risk(Caller caller, @PathVariable String projectId, @PathVariable String riskId) {
        return register(caller, projectId).risk(riskId).orElseThrow(() ->
                DomainException.notFound("unknown-risk", "the register has no such risk"));
    }
}
