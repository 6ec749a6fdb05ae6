package se.samverka.query.risk;

import java.time.Instant;

/** A participant's proposal: {@code pending}, {@code accepted} (as {@code riskId}) or {@code declined}. */
public record RiskProposalView(String id, String threat, String vulnerability, String consequence, int probability,
                               int impact, int value, String level, String state, String riskId,
                               String proposedBy, String proposedByName, String workshopId, Instant proposedAt,
                               String reason) {
    RiskProposalView decided(String nextState, String acceptedAs, String why) {
        return new RiskProposalView(id, threat, vulnerability, consequence, probability, impact, value, level,
                nextState, acceptedAs, proposedBy, proposedByName, workshopId, proposedAt, why);
    }
}
