package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator declines a pending proposal. */
public record DeclineRiskProposalCommand(ProjectId projectId, String facilitator, RiskProposalId proposalId,
                                         String reason) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
