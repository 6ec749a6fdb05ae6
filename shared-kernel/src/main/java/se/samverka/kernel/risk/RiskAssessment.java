package se.samverka.kernel.risk;

/**
 * An assessment of a risk: probability S (sannolikhet) and consequence K (konsekvens), each
 * a whole number from 1 to 5. The risk value and level are always computed from them, never
 * taken from a client.
 */
public record RiskAssessment(int probability, int impact) {
    public static final int MIN = 1;
    public static final int MAX = 5;

    public RiskAssessment {
        if (probability < MIN || probability > MAX) {
            throw new IllegalArgumentException("probability (S) must be a whole number from 1 to 5");
        }
        if (impact < MIN || impact > MAX) {
            throw new IllegalArgumentException("consequence (K) must be a whole number from 1 to 5");
        }
    }

    /** R = S × K. */
    public int value() {
        return probability * impact;
    }

    public RiskLevel level() {
        return RiskLevel.of(value());
    }
}
