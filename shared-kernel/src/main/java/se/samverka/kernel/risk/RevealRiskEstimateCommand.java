package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator reveals a joint estimate: from then on its values and spread are shown. */
public record RevealRiskEstimateCommand(ProjectId projectId, String facilitator, RiskId riskId) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
