package se.samverka.query.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import se.samverka.kernel.risk.RiskActionAddedEvent;
import se.samverka.kernel.risk.RiskActionUpdatedEvent;
import se.samverka.kernel.risk.RiskAssessment;
import se.samverka.kernel.risk.RiskClosedEvent;
import se.samverka.kernel.risk.RiskEditedEvent;
import se.samverka.kernel.risk.RiskEscalatedEvent;
import se.samverka.kernel.risk.RiskEstimateAdoptedEvent;
import se.samverka.kernel.risk.RiskEstimateDiscardedEvent;
import se.samverka.kernel.risk.RiskEstimateGivenEvent;
import se.samverka.kernel.risk.RiskEstimateOpenedEvent;
import se.samverka.kernel.risk.RiskEstimateRevealedEvent;
import se.samverka.kernel.risk.RiskEstimateValue;
import se.samverka.kernel.risk.RiskMitigatedEvent;
import se.samverka.kernel.risk.RiskProposalAcceptedEvent;
import se.samverka.kernel.risk.RiskProposalDeclinedEvent;
import se.samverka.kernel.risk.RiskProposedEvent;
import se.samverka.kernel.risk.RiskReassessedEvent;
import se.samverka.kernel.risk.RiskRegisterEvent;
import se.samverka.kernel.risk.RiskRegisteredEvent;
import se.samverka.kernel.risk.RiskReopenedEvent;
import se.samverka.kernel.risk.RiskState;

/**
 * How each register event changes the register view, and the one live message it causes: a
 * pure function, so the projection only stores and pushes what this decides.
 */
final class RiskRegisterEvolution {
    /** The register after an event, and the message that tells clients about it. */
    record Change(RiskRegisterView view, RiskLiveMessage message) {
    }

    private RiskRegisterEvolution() {
    }

    static Change evolve(RiskRegisterView view, RiskRegisterEvent event, long version) {
        String project = view.projectId();
        if (event instanceof RiskRegisteredEvent e) {
            RiskView risk = new RiskView(e.riskId().value(), e.riskId().sequence(), e.threat(), e.vulnerability(),
                    e.consequence(), 0, 0, 0, null, null, e.actionNeeded(), e.owner(), state(RiskState.OPEN),
                    e.fromProposal() == null ? null : e.fromProposal().value(), List.of(), List.of(), null,
                    e.registeredAt(), e.registeredAt())
                    .withAssessment(e.assessment())
                    .noted(assessed(version, "registered", e.registeredAt(), e.registeredBy(), e.reason(),
                            e.assessment(), null, null));
            return riskChange("risk.registered", version, view.withRisk(risk), risk.id());
        }
        if (event instanceof RiskEditedEvent e) {
            return riskChange("risk.edited", version, view, e.riskId().value(), risk -> risk
                    .withDescription(e.threat(), e.vulnerability(), e.consequence(), e.actionNeeded(), e.owner())
                    .noted(RiskHistoryEntry.of(version, "edited", e.editedAt(), e.editedBy(), null)));
        }
        if (event instanceof RiskReassessedEvent e) {
            return riskChange("risk.reassessed", version, view, e.riskId().value(), risk -> risk
                    .withAssessment(e.assessment())
                    .noted(assessed(version, "reassessed", e.assessedAt(), e.assessedBy(), e.reason(), e.assessment(),
                            e.previous(), e.basis().name())));
        }
        if (event instanceof RiskEscalatedEvent e) {
            RiskAssessment a = e.assessment();
            RiskEscalationView escalation = new RiskEscalationView(e.riskId().value(), version,
                    e.previousLevel().name(), e.level().name(), e.decidedBy().name(), a.probability(), a.impact(),
                    a.value(), e.escalatedAt());
            RiskRegisterView next = view.withEscalation(escalation).withRisk(e.riskId().value(), risk -> risk.noted(
                    new RiskHistoryEntry(version, "escalated", e.escalatedAt(), null, null, a.probability(),
                            a.impact(), a.value(), e.level().name(), e.previousLevel().name(), null, null, null)));
            RiskView risk = next.risk(e.riskId().value()).orElseThrow();
            return new Change(next, new RiskLiveMessage("risk.escalated", version, project, risk, null, escalation));
        }
        if (event instanceof RiskActionAddedEvent e) {
            return riskChange("risk.action-added", version, view, e.riskId().value(), risk -> risk
                    .withAction(new RiskActionView(e.actionId().value(), e.description(), e.owner(), e.dueDate(),
                            e.status().name()))
                    .noted(actionNoted(version, "action-added", e.addedAt(), e.addedBy(), e.actionId().value(),
                            e.status().name())));
        }
        if (event instanceof RiskActionUpdatedEvent e) {
            return riskChange("risk.action-updated", version, view, e.riskId().value(), risk -> risk
                    .withAction(new RiskActionView(e.actionId().value(), e.description(), e.owner(), e.dueDate(),
                            e.status().name()))
                    .noted(actionNoted(version, "action-updated", e.updatedAt(), e.updatedBy(), e.actionId().value(),
                            e.status().name())));
        }
        if (event instanceof RiskMitigatedEvent e) {
            return riskChange("risk.mitigated", version, view, e.riskId().value(), risk -> risk
                    .withState(state(RiskState.MITIGATED))
                    .noted(RiskHistoryEntry.of(version, "mitigated", e.at(), e.by(), e.reason())));
        }
        if (event instanceof RiskClosedEvent e) {
            return riskChange("risk.closed", version, view, e.riskId().value(), risk -> risk
                    .withState(state(RiskState.CLOSED))
                    .noted(RiskHistoryEntry.of(version, "closed", e.at(), e.by(), e.reason())));
        }
        if (event instanceof RiskReopenedEvent e) {
            return riskChange("risk.reopened", version, view, e.riskId().value(), risk -> risk
                    .withState(state(RiskState.OPEN))
                    .noted(RiskHistoryEntry.of(version, "reopened", e.at(), e.by(), e.reason())));
        }
        if (event instanceof RiskProposedEvent e) {
            RiskAssessment a = e.assessment();
            RiskProposalView proposal = new RiskProposalView(e.proposalId().value(), e.threat(), e.vulnerability(),
                    e.consequence(), a.probability(), a.impact(), a.value(), a.level().name(), "pending", null,
                    e.participantId().value(), e.proposedByName(), e.workshopId().value(), e.proposedAt(), null);
            return proposalChange("risk.proposed", version, view, proposal);
        }
        if (event instanceof RiskProposalAcceptedEvent e) {
            RiskProposalView proposal = known(view, e.proposalId().value()).decided("accepted", e.riskId().value(),
                    null);
            return proposalChange("risk.proposal-accepted", version, view, proposal);
        }
        if (event instanceof RiskProposalDeclinedEvent e) {
            RiskProposalView proposal = known(view, e.proposalId().value()).decided("declined", null, e.reason());
            return proposalChange("risk.proposal-declined", version, view, proposal);
        }
        if (event instanceof RiskEstimateOpenedEvent e) {
            return riskChange("risk.estimate-opened", version, view, e.riskId().value(), risk -> risk
                    .withEstimate(none -> RiskEstimateView.opened(e.openedAt()))
                    .noted(RiskHistoryEntry.of(version, "estimate-opened", e.openedAt(), e.openedBy(), null)));
        }
        if (event instanceof RiskEstimateGivenEvent e) {
            // Only who has estimated: the values stay in the event store until the reveal.
            return riskChange("risk.estimate-given", version, view, e.riskId().value(), risk -> risk
                    .withEstimate(estimate -> withEstimator(estimate, e.participantId().value())));
        }
        if (event instanceof RiskEstimateRevealedEvent e) {
            return riskChange("risk.estimate-revealed", version, view, e.riskId().value(), risk -> risk
                    .withEstimate(estimate -> revealed(estimate, e.estimates()))
                    .noted(RiskHistoryEntry.of(version, "estimate-revealed", e.revealedAt(), e.revealedBy(), null)));
        }
        if (event instanceof RiskEstimateAdoptedEvent e) {
            return riskChange("risk.estimate-adopted", version, view, e.riskId().value(), risk -> risk
                    .withEstimate(estimate -> null)
                    .noted(assessed(version, "estimate-adopted", e.adoptedAt(), e.adoptedBy(), null, e.assessment(),
                            null, null)));
        }
        if (event instanceof RiskEstimateDiscardedEvent e) {
            return riskChange("risk.estimate-discarded", version, view, e.riskId().value(), risk -> risk
                    .withEstimate(estimate -> null)
                    .noted(RiskHistoryEntry.of(version, "estimate-discarded", e.discardedAt(), e.discardedBy(),
                            null)));
        }
        throw new IllegalArgumentException("no projection for " + event.getClass().getSimpleName());
    }

    private static Change riskChange(String type, long version, RiskRegisterView view, String riskId,
                                     UnaryOperator<RiskView> change) {
        return riskChange(type, version, view.withRisk(riskId, change), riskId);
    }

    private static Change riskChange(String type, long version, RiskRegisterView next, String riskId) {
        return new Change(next, RiskLiveMessage.ofRisk(type, version, next.projectId(),
                next.risk(riskId).orElseThrow()));
    }

    private static Change proposalChange(String type, long version, RiskRegisterView view,
                                         RiskProposalView proposal) {
        return new Change(view.withProposal(proposal),
                RiskLiveMessage.ofProposal(type, version, view.projectId(), proposal));
    }

    private static RiskProposalView known(RiskRegisterView view, String proposalId) {
        return view.proposal(proposalId).orElseThrow(() -> new IllegalStateException(
                "the risk register of " + view.projectId() + " has no proposal " + proposalId));
    }

    private static RiskHistoryEntry assessed(long version, String kind, Instant at, String by,
                                             String reason, RiskAssessment assessment, RiskAssessment previous,
                                             String basis) {
        return new RiskHistoryEntry(version, kind, at, by, reason, assessment.probability(), assessment.impact(),
                assessment.value(), assessment.level().name(), previous == null ? null : previous.level().name(),
                basis, null, null);
    }

    private static RiskHistoryEntry actionNoted(long version, String kind, Instant at, String by,
                                                String actionId, String status) {
        return new RiskHistoryEntry(version, kind, at, by, null, null, null, null, null, null, null, actionId, status);
    }

    private static RiskEstimateView withEstimator(RiskEstimateView estimate, String participantId) {
        if (estimate.estimators().contains(participantId)) {
            return estimate;
        }
        List<String> estimators = new ArrayList<>(estimate.estimators());
        estimators.add(participantId);
        return new RiskEstimateView(estimate.state(), estimate.openedAt(), List.copyOf(estimators),
                estimators.size(), null, null, null, null);
    }

    private static RiskEstimateView revealed(RiskEstimateView estimate, List<RiskEstimateValue> values) {
        List<RiskEstimatePoint> points = values.stream()
                .map(v -> new RiskEstimatePoint(v.assessment().probability(), v.assessment().impact(),
                        v.assessment().value()))
                // Sorted by value, not by who gave them: the order must not tell who said what.
                .sorted(Comparator.comparingInt(RiskEstimatePoint::value)
                        .thenComparingInt(RiskEstimatePoint::probability))
                .toList();
        return new RiskEstimateView(RiskEstimateView.REVEALED, estimate.openedAt(),
                values.stream().map(v -> v.participantId().value()).toList(), values.size(), points,
                RiskSpread.of(points.stream().map(RiskEstimatePoint::probability).toList()),
                RiskSpread.of(points.stream().map(RiskEstimatePoint::impact).toList()),
                RiskSpread.of(points.stream().map(RiskEstimatePoint::value).toList()));
    }

    private static String state(RiskState state) {
        return state.name();
    }
}
