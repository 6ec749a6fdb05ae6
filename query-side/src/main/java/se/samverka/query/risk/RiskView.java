package se.samverka.query.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import se.samverka.kernel.risk.RiskAssessment;

/**
 * A risk as the register shows it: the value, level and deciding body always computed from S
 * and K by the kernel's rule, its actions, its whole history, and its joint estimate if one runs.
 */
public record RiskView(String id, int sequence, String threat, String vulnerability, String consequence,
                       int probability, int impact, int value, String level, String decidedBy, boolean actionNeeded,
                       String owner, String state, String fromProposal, List<RiskActionView> actions,
                       List<RiskHistoryEntry> history, RiskEstimateView estimate, Instant registeredAt,
                       Instant updatedAt) {

    RiskView withDescription(String nextThreat, String nextVulnerability, String nextConsequence,
                             boolean nextActionNeeded, String nextOwner) {
        return new RiskView(id, sequence, nextThreat, nextVulnerability, nextConsequence, probability, impact, value,
                level, decidedBy, nextActionNeeded, nextOwner, state, fromProposal, actions, history, estimate,
                registeredAt, updatedAt);
    }

    RiskView withAssessment(RiskAssessment assessment) {
        return new RiskView(id, sequence, threat, vulnerability, consequence, assessment.probability(),
                assessment.impact(), assessment.value(), assessment.level().name(),
                assessment.level().decidedBy().name(), actionNeeded, owner, state, fromProposal, actions, history,
                estimate, registeredAt, updatedAt);
    }

    RiskView withState(String next) {
        return new RiskView(id, sequence, threat, vulnerability, consequence, probability, impact, value, level,
                decidedBy, actionNeeded, owner, next, fromProposal, actions, history, estimate, registeredAt,
                updatedAt);
    }

    RiskView withAction(RiskActionView action) {
        List<RiskActionView> next = new ArrayList<>(actions.stream().filter(a -> !a.id().equals(action.id())).toList());
        next.add(action);
        next.sort(Comparator.comparingInt(a -> Integer.parseInt(a.id().substring(1))));
        return new RiskView(id, sequence, threat, vulnerability, consequence, probability, impact, value, level,
                decidedBy, actionNeeded, owner, state, fromProposal, List.copyOf(next), history, estimate,
                registeredAt, updatedAt);
    }

    RiskView withEstimate(UnaryOperator<RiskEstimateView> change) {
        return new RiskView(id, sequence, threat, vulnerability, consequence, probability, impact, value, level,
                decidedBy, actionNeeded, owner, state, fromProposal, actions, history, change.apply(estimate),
                registeredAt, updatedAt);
    }

    /** Records the change in the history and stamps the time of the last change. */
    RiskView noted(RiskHistoryEntry entry) {
        List<RiskHistoryEntry> next = new ArrayList<>(history);
        next.add(entry);
        return new RiskView(id, sequence, threat, vulnerability, consequence, probability, impact, value, level,
                decidedBy, actionNeeded, owner, state, fromProposal, actions, List.copyOf(next), estimate,
                registeredAt, entry.at());
    }
}
