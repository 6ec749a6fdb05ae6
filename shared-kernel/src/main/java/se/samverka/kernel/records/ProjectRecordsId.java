package se.samverka.kernel.records;

import se.samverka.kernel.Ids;
import se.samverka.kernel.project.ProjectId;

/** Identifies a project's own records (facts, plan versions, milestones, status reports): {@code <projectId>-records}. */
public record ProjectRecordsId(String value) {
    static final String SUFFIX = "-records";

    public ProjectRecordsId {
        if (value == null || !value.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("a records id is '<project id>" + SUFFIX + "'");
        }
        Ids.require("project id", value.substring(0, value.length() - SUFFIX.length()));
    }

    public static ProjectRecordsId of(ProjectId project) {
        return new ProjectRecordsId(project.value() + SUFFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
