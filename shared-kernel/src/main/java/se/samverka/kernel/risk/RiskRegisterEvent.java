package se.samverka.kernel.risk;

import se.samverka.kernel.project.ProjectId;

/**
 * Everything that happens in a project's risk register; projections switch over it
 * exhaustively. Every event moves the register's version up by one.
 */
public sealed interface RiskRegisterEvent permits RiskRegisteredEvent, RiskEditedEvent, RiskReassessedEvent,
        RiskEscalatedEvent, RiskActionAddedEvent, RiskActionUpdatedEvent, RiskMitigatedEvent, RiskClosedEvent,
        RiskReopenedEvent, RiskProposedEvent, RiskProposalAcceptedEvent, RiskProposalDeclinedEvent,
        RiskEstimateOpenedEvent, RiskEstimateGivenEvent, RiskEstimateRevealedEvent, RiskEstimateAdoptedEvent,
        RiskEstimateDiscardedEvent {
    ProjectId projectId();
}
