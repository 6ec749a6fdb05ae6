package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator opens a mitigated or closed risk again. */
public record ReopenRiskCommand(ProjectId projectId, String facilitator, RiskId riskId, String reason) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
