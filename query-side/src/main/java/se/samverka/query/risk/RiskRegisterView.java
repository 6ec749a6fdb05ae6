package se.samverka.query.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A project's risk register in one document, so a snapshot and its {@code version} (the
 * register aggregate's sequence number of its last event) are read together. Version -1 is a
 * register nothing has happened in yet.
 */
public record RiskRegisterView(@BsonId String projectId, long version, List<RiskView> risks,
                               List<RiskProposalView> proposals, List<RiskEscalationView> escalations) {
    static final long NOTHING_YET = -1;

    static RiskRegisterView empty(String projectId) {
        return new RiskRegisterView(projectId, NOTHING_YET, List.of(), List.of(), List.of());
    }

    Optional<RiskView> risk(String riskId) {
        return risks.stream().filter(r -> r.id().equals(riskId)).findFirst();
    }

    Optional<RiskProposalView> proposal(String proposalId) {
        return proposals.stream().filter(p -> p.id().equals(proposalId)).findFirst();
    }

    RiskRegisterView withVersion(long next) {
        return new RiskRegisterView(projectId, next, risks, proposals, escalations);
    }

    RiskRegisterView withRisk(RiskView risk) {
        List<RiskView> next = new ArrayList<>(risks.stream().filter(r -> !r.id().equals(risk.id())).toList());
        next.add(risk);
        next.sort((a, b) -> Integer.compare(a.sequence(), b.sequence()));
        return new RiskRegisterView(projectId, version, List.copyOf(next), proposals, escalations);
    }

    RiskRegisterView withRisk(String riskId, UnaryOperator<RiskView> change) {
        RiskView risk = risk(riskId).orElseThrow(() -> new IllegalStateException(
                "the risk register of " + projectId + " has no " + riskId));
        return withRisk(change.apply(risk));
    }

    RiskRegisterView withProposal(RiskProposalView proposal) {
        List<RiskProposalView> next = new ArrayList<>(proposals.stream()
                .filter(p -> !p.id().equals(proposal.id())).toList());
        next.add(proposal);
        next.sort((a, b) -> Integer.compare(Integer.parseInt(a.id().substring(1)),
                Integer.parseInt(b.id().substring(1))));
        return new RiskRegisterView(projectId, version, risks, List.copyOf(next), escalations);
    }

    RiskRegisterView withEscalation(RiskEscalationView escalation) {
        List<RiskEscalationView> next = new ArrayList<>(escalations);
        next.add(escalation);
        return new RiskRegisterView(projectId, version, risks, proposals, List.copyOf(next));
    }
}
