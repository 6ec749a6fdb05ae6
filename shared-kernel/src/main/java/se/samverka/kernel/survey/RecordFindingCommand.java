package se.samverka.kernel.survey;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * The facilitator records a finding ({@code findingId} null: a new one, F1, F2, …) or rewords
 * one: a short statement, the sources it rests on (at least one) and the capabilities it concerns.
 */
public record RecordFindingCommand(ProjectId projectId, String facilitator, String findingId, String statement,
                                   List<String> sourceIds, List<String> capabilityIds) {
    @TargetAggregateIdentifier
    public EnvironmentAnalysisId analysisId() {
        return EnvironmentAnalysisId.of(projectId);
    }
}
