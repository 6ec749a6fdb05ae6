package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator gives a risk a new probability and consequence, and says why. */
public record ReassessRiskCommand(ProjectId projectId, String facilitator, RiskId riskId, RiskAssessment assessment,
                                  String reason) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
