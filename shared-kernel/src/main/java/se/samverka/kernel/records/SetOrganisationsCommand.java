package se.samverka.kernel.records;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * The facilitator sets the project's member organisations (for Fyrbodal its 14 municipalities),
 * which participants pick from when they join, and whether another organisation may be written
 * in free text. An empty list lets anyone write any organisation, as before there was a list.
 */
public record SetOrganisationsCommand(ProjectId projectId, String facilitator, List<String> organisations,
                                      boolean allowOther) {
    @TargetAggregateIdentifier
    public ProjectRecordsId recordsId() {
        return ProjectRecordsId.of(projectId);
    }
}
