package se.samverka.query.risk;

/**
 * The message pushed to {@code /topic/projects.{projectId}.risks} for each register event. It
 * carries the register version it brings a client to (rising by exactly one per message) and
 * the whole risk or proposal as it now stands, so a client replaces it by id; an escalation
 * comes with the escalation as well. Nothing sealed is ever in it: an open estimate shows who
 * has estimated, not what.
 */
public record RiskLiveMessage(String type, long version, String projectId, RiskView risk, RiskProposalView proposal,
                              RiskEscalationView escalation) {
    static RiskLiveMessage ofRisk(String type, long version, String projectId, RiskView risk) {
        return new RiskLiveMessage(type, version, projectId, risk, null, null);
    }

    static RiskLiveMessage ofProposal(String type, long version, String projectId, RiskProposalView proposal) {
        return new RiskLiveMessage(type, version, projectId, null, proposal, null);
    }
}
