package se.samverka.query.risk;

import java.time.Instant;

/** A risk rose to a higher level: now {@code decidedBy} must decide on it. */
public record RiskEscalationView(String riskId, long version, String previousLevel, String level, String decidedBy,
                                 int probability, int impact, int value, Instant at) {
}
