package se.samverka.query.meeting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A workshop's meeting in one document: agenda and current item, presence, steering group and
 * decisions, with {@code version} (the meeting aggregate's last sequence number; -1 for a
 * meeting nothing has happened in). Nothing sealed is in it: an open, sealed decision shows how
 * many have voted, never what.
 */
public record MeetingView(@BsonId String workshopId, long version, String projectId, String purpose,
                          List<String> goals, List<AgendaItemView> agenda, String currentItemId,
                          List<PersonView> present, List<PersonView> steeringGroup, List<DecisionView> decisions) {
    static MeetingView empty(String workshopId) {
        return new MeetingView(workshopId, -1, null, null, List.of(), List.of(), null, List.of(), List.of(),
                List.of());
    }

    public record AgendaItemView(String id, String title, List<String> details) {
    }

    public record PersonView(String participantId, String displayName) {
    }

    public record OptionView(String id, String label) {
    }

    /** A vote as shown: while open only for open voting; after closing as recorded (option null if anonymous). */
    public record VoteView(String participantId, String displayName, String optionId, Instant castAt) {
    }

    public record EvidenceView(Long riskRegisterVersion, Long recordsVersion, String statusReportWorkshopId) {
    }

    /**
     * A decision. {@code voterIds} (kept for counting, never served) holds who has voted;
     * {@code votes} holds options only for open voting until the decision closes.
     */
    public record DecisionView(String id, String kind, String proposal, List<OptionView> options, String planVersion,
                               Integer quorum, boolean openVoting, boolean anonymous, String agendaItemId,
                               String state, @JsonIgnore List<String> voterIds, int voteCount, List<VoteView> votes,
                               String result, String outcome, Map<String, Integer> tally, EvidenceView evidence,
                               Instant openedAt, Instant closedAt) {
        DecisionView voted(String participantId, VoteView vote) {
            List<String> ids = new ArrayList<>(voterIds);
            if (!ids.contains(participantId)) {
                ids.add(participantId);
            }
            List<VoteView> shown = new ArrayList<>(votes.stream()
                    .filter(v -> !v.participantId().equals(participantId)).toList());
            if (openVoting) {
                shown.add(vote);
            }
            return new DecisionView(id, kind, proposal, options, planVersion, quorum, openVoting, anonymous,
                    agendaItemId, state, List.copyOf(ids), ids.size(), List.copyOf(shown), result, outcome, tally,
                    evidence, openedAt, closedAt);
        }

        DecisionView closed(String nextResult, String nextOutcome, Map<String, Integer> nextTally,
                            List<VoteView> recorded, EvidenceView nextEvidence, Instant at) {
            return new DecisionView(id, kind, proposal, options, planVersion, quorum, openVoting, anonymous,
                    agendaItemId, "closed", voterIds, recorded.size(), recorded, nextResult, nextOutcome, nextTally,
                    nextEvidence, openedAt, at);
        }
    }

    MeetingView withVersion(long next) {
        return new MeetingView(workshopId, next, projectId, purpose, goals, agenda, currentItemId, present,
                steeringGroup, decisions);
    }

    MeetingView withProject(String next) {
        return new MeetingView(workshopId, version, next, purpose, goals, agenda, currentItemId, present,
                steeringGroup, decisions);
    }

    MeetingView withAgenda(String nextPurpose, List<String> nextGoals, List<AgendaItemView> nextAgenda) {
        return new MeetingView(workshopId, version, projectId, nextPurpose, nextGoals, nextAgenda, currentItemId,
                present, steeringGroup, decisions);
    }

    MeetingView withCurrent(String itemId) {
        return new MeetingView(workshopId, version, projectId, purpose, goals, agenda, itemId, present,
                steeringGroup, decisions);
    }

    MeetingView withPresent(PersonView person) {
        List<PersonView> next = new ArrayList<>(present);
        next.add(person);
        return new MeetingView(workshopId, version, projectId, purpose, goals, agenda, currentItemId,
                List.copyOf(next), steeringGroup, decisions);
    }

    MeetingView withMember(PersonView person, boolean member) {
        List<PersonView> next = new ArrayList<>(steeringGroup.stream()
                .filter(p -> !p.participantId().equals(person.participantId())).toList());
        if (member) {
            next.add(person);
        }
        return new MeetingView(workshopId, version, projectId, purpose, goals, agenda, currentItemId, present,
                List.copyOf(next), decisions);
    }

    MeetingView withDecision(DecisionView decision) {
        List<DecisionView> next = new ArrayList<>(decisions.stream().filter(d -> !d.id().equals(decision.id()))
                .toList());
        next.add(decision);
        next.sort((a, b) -> Integer.compare(Integer.parseInt(a.id().substring(1)),
                Integer.parseInt(b.id().substring(1))));
        return new MeetingView(workshopId, version, projectId, purpose, goals, agenda, currentItemId, present,
                steeringGroup, List.copyOf(next));
    }

    MeetingView withDecision(String decisionId, UnaryOperator<DecisionView> change) {
        DecisionView decision = decisions.stream().filter(d -> d.id().equals(decisionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the meeting has no decision " + decisionId));
        return withDecision(change.apply(decision));
    }

    String displayNameOf(String participantId) {
        return steeringGroup.stream().filter(p -> p.participantId().equals(participantId))
                .map(PersonView::displayName).findFirst().orElse(null);
    }
}
