package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator closes a risk that is open or mitigated. */
public record CloseRiskCommand(ProjectId projectId, String facilitator, RiskId riskId, String reason) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
