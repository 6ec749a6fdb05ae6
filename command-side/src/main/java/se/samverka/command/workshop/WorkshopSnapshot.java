package se.samverka.command.workshop;

import java.util.List;
import java.util.Map;
import se.samverka.kernel.capability.FlatCapability;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Everything the {@link Workshop} aggregate decides with, as of {@code version}, in a form JSON
 * carries both ways (lists instead of maps keyed by records). Stored in the snapshot table only,
 * never published: loading a workshop reads its latest snapshot and the events after it, so a
 * workshop with 100,000 ratings loads in time bounded by the snapshot interval, not its history.
 * Every field of the aggregate must be here: a field left out is silently lost on load (the
 * erased and removed participants were, once; WorkshopSnapshotTest now checks them).
 */
record WorkshopSnapshot(WorkshopId workshopId, ProjectId projectId, String facilitator,
                        List<FlatCapability> capabilities, List<String> dimensionIds,
                        List<ParticipantId> participants, List<ParticipantId> erased, List<ParticipantId> removed,
                        List<Rating> ratings,
                        List<Mode> modes, Map<String, ResponsibilityMode> agreedModes, List<RoundEntry> rounds,
                        RoundId openRound, List<Scenario> scenarios, List<VoteEntry> scenarioVotes,
                        List<ScenarioVoteCastEvent> ballots, RoundId openScenarioVote, long version) {

    /** A participant's current score of a capability (and dimension) in a round, or free rating (""). */
    record Rating(ParticipantId participant, String round, String capabilityId, String dimension, int score) {
    }

    record Mode(ParticipantId participant, String capabilityId, ResponsibilityMode mode) {
    }

    record RoundEntry(RoundId id, Round round) {
    }

    record VoteEntry(RoundId id, ScenarioVote vote) {
    }
}
