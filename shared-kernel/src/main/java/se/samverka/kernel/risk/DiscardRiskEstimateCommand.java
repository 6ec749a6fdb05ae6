package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator ends a joint estimate without adopting a value. */
public record DiscardRiskEstimateCommand(ProjectId projectId, String facilitator, RiskId riskId) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
