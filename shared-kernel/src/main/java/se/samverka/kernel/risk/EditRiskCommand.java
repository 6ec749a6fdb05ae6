package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * The facilitator rewrites a risk's description: threat, vulnerability, consequence, whether
 * action is needed, and its owner.
 */
public record EditRiskCommand(ProjectId projectId, String facilitator, RiskId riskId, String threat,
                              String vulnerability, String consequence, boolean actionNeeded, String owner) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
