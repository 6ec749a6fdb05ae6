package se.samverka.kernel.meeting;

/** How a decision ended: decided (one option had most votes), tied, without quorum, or with no votes. */
public enum DecisionResult { DECIDED, TIED, NO_QUORUM, NO_VOTES }
