package se.samverka.kernel.survey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator withdraws a finding; it stays in the record as withdrawn. */
public record WithdrawFindingCommand(ProjectId projectId, String facilitator, String findingId) {
    @TargetAggregateIdentifier
    public EnvironmentAnalysisId analysisId() {
        return EnvironmentAnalysisId.of(projectId);
    }
}
