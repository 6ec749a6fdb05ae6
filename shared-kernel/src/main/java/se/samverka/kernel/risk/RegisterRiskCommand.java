package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/**
 * The facilitator registers a risk; the register gives it the next id (R1, R2, …). The first risk
 * of a project creates its register.
 */
public record RegisterRiskCommand(ProjectId projectId, String facilitator, String threat, String vulnerability,
                                  String consequence, RiskAssessment assessment, boolean actionNeeded, String owner,
                                  String reason) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
