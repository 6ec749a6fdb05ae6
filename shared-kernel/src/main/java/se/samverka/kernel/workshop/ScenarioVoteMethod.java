package se.samverka.kernel.workshop;

/** Dot voting (a number of dots per person, several on one scenario allowed) or ranking all scenarios. */
public enum ScenarioVoteMethod { DOTS, RANK }
