package se.samverka.kernel.risk;

/**
 * What a risk register command answers: the id of the risk, proposal or action it concerned
 * (new ones get theirs from the register) and the register's version that includes it.
 */
public record RiskRegisterOutcome(String id, long version) {
}
