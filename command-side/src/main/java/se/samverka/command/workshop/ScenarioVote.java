package se.samverka.command.workshop;

import java.util.List;
import se.samverka.kernel.workshop.ScenarioVoteMethod;

/** What the Workshop aggregate remembers of a scenario vote to decide on ballots in it. */
record ScenarioVote(ScenarioVoteMethod method, int dotsPerPerson, List<String> scenarioIds, Round.State state) {
    ScenarioVote {
        scenarioIds = List.copyOf(scenarioIds);
    }

    ScenarioVote withState(Round.State next) {
        return new ScenarioVote(method, dotsPerPerson, scenarioIds, next);
    }
}
