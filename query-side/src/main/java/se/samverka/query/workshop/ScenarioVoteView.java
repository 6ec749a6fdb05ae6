package se.samverka.query.workshop;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import se.samverka.kernel.workshop.ScenarioVoteMethod;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;

/**
 * A vote across scenarios. Like a round, a sealed vote has {@code results} null until revealed.
 * For dot voting a tally counts dots; for ranking, Borda points (n-1 for a first place … 0 for
 * a last) and first places.
 */
public record ScenarioVoteView(String id, ScenarioVoteMethod method, int dotsPerPerson, boolean sealed,
                               List<String> scenarioIds, String state, int voterCount, List<ScenarioTally> results,
                               @JsonIgnore List<String> voterIds) {

    /** One scenario's score in a vote. */
    public record ScenarioTally(String scenarioId, int dots, int points, int firstPlaces) {
    }

    static ScenarioVoteView opened(ScenarioVoteOpenedEvent event) {
        return new ScenarioVoteView(event.voteId().value(), event.method(), event.dotsPerPerson(), event.sealed(),
                event.scenarioIds(), RoundView.OPEN, 0, event.sealed() ? null : tally(event.scenarioIds(), List.of()),
                List.of());
    }

    public boolean visible() {
        return !sealed || RoundView.REVEALED.equals(state);
    }

    ScenarioVoteView withVoter(String participantId) {
        if (voterIds.contains(participantId)) {
            return this;
        }
        List<String> voters = new ArrayList<>(voterIds);
        voters.add(participantId);
        return new ScenarioVoteView(id, method, dotsPerPerson, sealed, scenarioIds, state, voters.size(), results,
                voters);
    }

    ScenarioVoteView withState(String next, List<ScenarioTally> nextResults) {
        return new ScenarioVoteView(id, method, dotsPerPerson, sealed, scenarioIds, next, voterCount, nextResults,
                voterIds);
    }

    /** Tallies the ballots, scenario by scenario in the vote's order. */
    static List<ScenarioTally> tally(List<String> scenarioIds, List<ScenarioBallot> ballots) {
        List<ScenarioTally> tallies = new ArrayList<>();
        int n = scenarioIds.size();
        for (String scenario : scenarioIds) {
            int dots = 0;
            int points = 0;
            int first = 0;
            for (ScenarioBallot ballot : ballots) {
                if (ballot.dots() != null) {
                    dots += ballot.dots().getOrDefault(scenario, 0);
                }
                if (ballot.ranking() != null) {
                    int place = ballot.ranking().indexOf(scenario);
                    if (place >= 0) {
                        points += n - 1 - place;
                        first += place == 0 ? 1 : 0;
                    }
                }
            }
            tallies.add(new ScenarioTally(scenario, dots, points, first));
        }
        return tallies;
    }
}
