package se.samverka.kernel.risk;

import se.samverka.kernel.Ids;
import se.samverka.kernel.project.ProjectId;

/**
 * Identifies a project's risk register. Its value is derived from the project's ({@code
 * <projectId>-risks}) and never equals it: the event store's unique key is (aggregate
 * identifier, sequence number) across all aggregate types, and the project aggregate already
 * uses the project id.
 */
public record RiskRegisterId(String value) {
    static final String SUFFIX = "-risks";

    public RiskRegisterId {
        if (value == null || !value.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("a risk register id is '<project id>" + SUFFIX + "'");
        }
        Ids.require("project id", value.substring(0, value.length() - SUFFIX.length()));
    }

    /** The register of {@code project}. */
    public static RiskRegisterId of(ProjectId project) {
        return new RiskRegisterId(project.value() + SUFFIX);
    }

    /** The project the register belongs to. */
    public ProjectId projectId() {
        return new ProjectId(value.substring(0, value.length() - SUFFIX.length()));
    }

    @Override
    public String toString() {
        return value;
    }
}
