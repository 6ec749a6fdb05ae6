package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator marks an open risk as mitigated. */
public record MitigateRiskCommand(ProjectId projectId, String facilitator, RiskId riskId, String reason) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
