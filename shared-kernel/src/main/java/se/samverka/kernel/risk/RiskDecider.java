package se.samverka.kernel.risk;

/** Who must decide on a risk, by its level (the pre-study's "riskhantering"). */
public enum RiskDecider {
    /** Projektledare: handles the low risks. */
    PROJECT_MANAGER,
    /** Taktisk styrgrupp: decides on the medium risks. */
    TACTICAL_STEERING_GROUP,
    /** Uppdragsbeställare: decides on the high risks. */
    COMMISSIONING_PARTY
}
