package se.samverka.kernel.risk;

/**
 * The level of a risk value R = S × K: 1–6 low, 8–12 medium, 15–25 high. No product of two
 * whole numbers from 1 to 5 is 7, 13 or 14, so the three ranges cover every possible value;
 * the thresholds below place those impossible values anyway, so the rule is total.
 */
public enum RiskLevel {
    LOW(RiskDecider.PROJECT_MANAGER),
    MEDIUM(RiskDecider.TACTICAL_STEERING_GROUP),
    HIGH(RiskDecider.COMMISSIONING_PARTY);

    /** The highest value of each level below HIGH. */
    static final int LOW_MAX = 6;
    static final int MEDIUM_MAX = 12;

    private final RiskDecider decidedBy;

    RiskLevel(RiskDecider decidedBy) {
        this.decidedBy = decidedBy;
    }

    /** The level of a risk value from 1 to 25. */
    public static RiskLevel of(int value) {
        if (value < 1 || value > RiskAssessment.MAX * RiskAssessment.MAX) {
            throw new IllegalArgumentException("a risk value is from 1 to 25");
        }
        if (value <= LOW_MAX) {
            return LOW;
        }
        return value <= MEDIUM_MAX ? MEDIUM : HIGH;
    }

    /** Who must decide on a risk of this level. */
    public RiskDecider decidedBy() {
        return decidedBy;
    }

    /**
     * Whether moving from {@code previous} to this level is an escalation: only a rise is;
     * staying or falling is not.
     */
    public boolean escalatesFrom(RiskLevel previous) {
        return compareTo(previous) > 0;
    }
}
