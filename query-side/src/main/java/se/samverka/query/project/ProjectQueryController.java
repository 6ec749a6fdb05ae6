package se.samverka.query.project;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.capability.CapabilityModel;

@RestController
@RequestMapping("/api/v1/projects")
public class ProjectQueryController {
    private final ProjectAccess access;

    public ProjectQueryController(ProjectAccess access) {
        this.access = access;
    }

    @GetMapping("/{projectId}")
    public ProjectView project(Caller caller, @PathVariable String projectId) {
        return access.readable(caller, projectId);
    }

    /** The project's capability model as JSON: import it again with {@code POST /workshops {model}}. */
    @GetMapping("/{projectId}/model")
    public CapabilityModel model(Caller caller, @PathVariable String projectId) {
        return access.readable(caller, projectId).capabilityModel();
    }
}
