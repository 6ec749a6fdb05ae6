package se.samverka.command.survey;

import java.util.function.Function;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samverka.command.project.Project;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.Dimension;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.survey.SurveyRules;

/**
 * The project's capability model as survey questions and findings need it, read in their unit
 * of work: a link to a capability or dimension the model does not have is refused (400).
 */
@Component
public class ProjectModels {
    private final Function<ProjectId, CapabilityModel> models;

    @Autowired
    public ProjectModels(Repository<Project> projects) {
        this(project -> projects.load(project.value()).invoke(Project::capabilityModel));
    }

    /** For tests: the models as a function of the project. */
    public ProjectModels(Function<ProjectId, CapabilityModel> models) {
        this.models = models;
    }

    public void requireCapability(ProjectId project, String capabilityId, String dimensionId) {
        if (capabilityId == null) {
            if (dimensionId != null) {
                throw SurveyRules.invalid("dimension", "a dimension is linked together with a capability");
            }
            return;
        }
        CapabilityModel model = models.apply(project);
        if (!model.capabilityIds().contains(capabilityId)) {
            throw SurveyRules.invalid("capability", "the project's model has no capability " + capabilityId);
        }
        if (dimensionId != null && model.dimensions().stream().map(Dimension::id).noneMatch(dimensionId::equals)) {
            throw SurveyRules.invalid("dimension", "the project's model has no dimension " + dimensionId);
        }
    }
}
