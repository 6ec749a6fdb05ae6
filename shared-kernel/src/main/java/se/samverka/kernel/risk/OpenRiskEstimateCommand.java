package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator opens a joint estimate of a risk: participants give S and K, sealed until reveal. */
public record OpenRiskEstimateCommand(ProjectId projectId, String facilitator, RiskId riskId) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
