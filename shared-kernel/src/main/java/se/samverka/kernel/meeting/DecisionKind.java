package se.samverka.kernel.meeting;

/** A general decision, or one whose outcome moves a plan version's state. */
public enum DecisionKind { GENERAL, PLAN_APPROVAL }
