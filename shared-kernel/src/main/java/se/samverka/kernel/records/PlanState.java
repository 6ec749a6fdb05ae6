package se.samverka.kernel.records;

/** A plan version's state: a draft until a steering-group decision approves, returns or stops it. */
public enum PlanState { DRAFT, APPROVED, RETURNED, STOPPED }
