package se.samverka.query.risk;

/** One revealed estimate, without who gave it. */
public record RiskEstimatePoint(int probability, int impact, int value) {
}
