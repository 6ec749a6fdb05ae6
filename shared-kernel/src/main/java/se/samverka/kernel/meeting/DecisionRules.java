package se.samverka.kernel.meeting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counting rule of a decision, pure. */
public final class DecisionRules {
    private DecisionRules() {
    }

    /** The tally and result of closing: votes per option (every option, in order) and the winner. */
    public record Count(Map<String, Integer> tally, DecisionResult result, String outcome) {
    }

    /**
     * Counts the final votes: no votes → NO_VOTES; fewer than the quorum → NO_QUORUM (no
     * outcome); otherwise the option with most votes, or TIED when two or more share the most.
     */
    public static Count count(List<DecisionOption> options, Collection<String> votes, Integer quorum) {
        Map<String, Integer> tally = new LinkedHashMap<>();
        options.forEach(option -> tally.put(option.id(), 0));
        votes.forEach(vote -> tally.merge(vote, 1, Integer::sum));
        if (votes.isEmpty()) {
            return new Count(tally, DecisionResult.NO_VOTES, null);
        }
        if (quorum != null && votes.size() < quorum) {
            return new Count(tally, DecisionResult.NO_QUORUM, null);
        }
        int most = tally.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> leaders = tally.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
                .toList();
        return leaders.size() == 1 ? new Count(tally, DecisionResult.DECIDED, leaders.get(0))
                : new Count(tally, DecisionResult.TIED, null);
    }
}
