package se.samverka.kernel.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.samverka.kernel.project.ProjectId;

/** The facilitator accepts a pending proposal: it becomes a registered risk. */
public record AcceptRiskProposalCommand(ProjectId projectId, String facilitator, RiskProposalId proposalId) {
    @TargetAggregateIdentifier
    public RiskRegisterId registerId() {
        return RiskRegisterId.of(projectId);
    }
}
