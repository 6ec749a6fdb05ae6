package se.samverka.kernel.risk;

/** Where a risk stands: open, mitigated (actions taken, still watched) or closed. */
public enum RiskState {
    OPEN, MITIGATED, CLOSED
}
