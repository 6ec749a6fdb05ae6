package se.samverka.kernel.risk;

/** How far a proposed action of a risk has come. */
public enum RiskActionStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED
}
