package se.samverka.kernel.survey;

import se.samverka.kernel.Ids;
import se.samverka.kernel.project.ProjectId;

/** Identifies a project's environment analysis (its sources and findings): {@code <projectId>-environment}. */
public record EnvironmentAnalysisId(String value) {
    static final String SUFFIX = "-environment";

    public EnvironmentAnalysisId {
        if (value == null || !value.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("an environment analysis id is '<project id>" + SUFFIX + "'");
        }
        Ids.require("project id", value.substring(0, value.length() - SUFFIX.length()));
    }

    public static EnvironmentAnalysisId of(ProjectId project) {
        return new EnvironmentAnalysisId(project.value() + SUFFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
