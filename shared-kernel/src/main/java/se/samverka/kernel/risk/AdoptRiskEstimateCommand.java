package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator adopts a value for a revealed joint estimate; it becomes the risk's reassessment. */
public record AdoptRiskEstimateCommand(ProjectId projectId, String facilitator, RiskId riskId,
                                       RiskAssessment assessment, String reason) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
