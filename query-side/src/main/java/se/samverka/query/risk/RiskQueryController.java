package se.samverka.query.risk;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final RiskRegisterReplay replay;

    public RiskQueryController(RiskRegisterViews views, ProjectAccess access, RiskRegisterReplay replay) {
        this.views = views;
        this.replay = replay;
        this.access = access;
    }

    /**
     * The whole register with its version; version -1 and no risks when nothing has happened in it.
     * With {@code ?version=N} the register as it stood then (a decision's evidence), rebuilt from its events.
     */
    @GetMapping
    public RiskRegisterView register(Caller caller, @PathVariable String projectId,
                                     @RequestParam(required = false) Long version) {
        String project = access.readable(caller, projectId).id();
        if (version != null) {
            return replay.atVersion(project, version);
        }
        return views.find(project).orElseGet(() -> RiskRegisterView.empty(project));
    }

    @GetMapping("/{riskId}")
    public RiskView risk(Caller caller, @PathVariable String projectId, @PathVariable String riskId) {
        return register(caller, projectId, null).risk(riskId).orElseThrow(() ->
                DomainException.notFound("unknown-risk", "the register has no such risk"));
    }
}
