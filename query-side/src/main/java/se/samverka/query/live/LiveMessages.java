package se.samverka.query.live;

import java.util.List;
import se.samverka.query.workshop.CapabilityView;
import se.samverka.query.workshop.ModeVotes;
import se.samverka.query.workshop.RatingView;
import se.samverka.query.workshop.RoundResult;
import se.samverka.kernel.capability.ModelChange;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.query.workshop.RoundView;
import se.samverka.query.workshop.ScenarioVoteView;

/**
 * The messages pushed to {@code /topic/workshops.{id}}. Each carries the workshop version it
 * brings the client to; versions of one workshop rise by exactly one per message.
 */
public final class LiveMessages {
    private LiveMessages() {
    }

    /** Who joined, without anything the facilitator alone may see. */
    public record ParticipantSummary(String id, String displayName, String organisation) {
    }

    public record ParticipantJoined(String type, long version, String workshopId, int participantCount,
                                    ParticipantSummary participant) {
        public static final String TYPE = "participant.joined";

        public ParticipantJoined(long version, String workshopId, int participantCount,
                                 ParticipantSummary participant) {
            this(TYPE, version, workshopId, participantCount, participant);
        }
    }

    /** Someone was removed: the new count only, as a join shows. */
    public record ParticipantRemoved(String type, long version, String workshopId, int participantCount,
                                     String participantId) {
        public static final String TYPE = "participant.removed";

        public ParticipantRemoved(long version, String workshopId, int participantCount, String participantId) {
            this(TYPE, version, workshopId, participantCount, participantId);
        }
    }

    /** A capability's new aggregate; never who rated it or how. */
    public record CapabilityRated(String type, long version, String workshopId, String capabilityId,
                                  RatingView rating) {
        public static final String TYPE = "capability.rated";

        public CapabilityRated(long version, String workshopId, String capabilityId, RatingView rating) {
            this(TYPE, version, workshopId, capabilityId, rating);
        }
    }

    /** A round opened; it carries no results (sealed) or empty ones (live). */
    public record RoundOpened(String type, long version, String workshopId, RoundView round) {
        public static final String TYPE = "round.opened";

        public RoundOpened(long version, String workshopId, RoundView round) {
            this(TYPE, version, workshopId, round);
        }
    }

    /** Someone voted in a sealed round: how many have voted, never what. */
    public record RoundProgress(String type, long version, String workshopId, String roundId, int voterCount) {
        public static final String TYPE = "round.progress";

        public RoundProgress(long version, String workshopId, String roundId, int voterCount) {
            this(TYPE, version, workshopId, roundId, voterCount);
        }
    }

    /** A rating in a live (unsealed) round, with the capability's new aggregate in that round. */
    public record RoundRated(String type, long version, String workshopId, String roundId, String capabilityId,
                             String dimension, RatingView rating, int voterCount) {
        public static final String TYPE = "round.rated";

        public RoundRated(long version, String workshopId, String roundId, String capabilityId, String dimension,
                          RatingView rating, int voterCount) {
            this(TYPE, version, workshopId, roundId, capabilityId, dimension, rating, voterCount);
        }
    }

    /** A round closed, by the facilitator or by its timer. */
    public record RoundClosed(String type, long version, String workshopId, String roundId, boolean timedOut) {
        public static final String TYPE = "round.closed";

        public RoundClosed(long version, String workshopId, String roundId, boolean timedOut) {
            this(TYPE, version, workshopId, roundId, timedOut);
        }
    }

    /** A round's results were revealed. */
    public record RoundRevealed(String type, long version, String workshopId, String roundId,
                                List<RoundResult> results) {
        public static final String TYPE = "round.revealed";

        public RoundRevealed(long version, String workshopId, String roundId, List<RoundResult> results) {
            this(TYPE, version, workshopId, roundId, results);
        }
    }

    /** The responsibility-mode votes or the agreed mode of a capability changed. */
    public record ResponsibilityChanged(String type, long version, String workshopId, String capabilityId,
                                        ModeVotes modes) {
        public static final String TYPE = "responsibility.changed";

        public ResponsibilityChanged(long version, String workshopId, String capabilityId, ModeVotes modes) {
            this(TYPE, version, workshopId, capabilityId, modes);
        }
    }

    /** A scenario was defined or redefined. */
    public record ScenarioDefined(String type, long version, String workshopId, Scenario scenario) {
        public static final String TYPE = "scenario.defined";

        public ScenarioDefined(long version, String workshopId, Scenario scenario) {
            this(TYPE, version, workshopId, scenario);
        }
    }

    /**
     * A scenario vote opened, got a ballot, closed or was revealed: the vote as anyone may see
     * it (a sealed vote's results stay null until revealed).
     */
    public record ScenarioVoteChanged(String type, long version, String workshopId, ScenarioVoteView vote) {
        public static final String TYPE = "scenario-vote.changed";

        public ScenarioVoteChanged(long version, String workshopId, ScenarioVoteView vote) {
            this(TYPE, version, workshopId, vote);
        }
    }

    /** The project's capability model was edited; clients reload the snapshot for the new model. */
    public record ModelChanged(String type, long version, String workshopId, ModelChange change) {
        public static final String TYPE = "model.changed";

        public ModelChanged(long version, String workshopId, ModelChange change) {
            this(TYPE, version, workshopId, change);
        }
    }

    /** A participant was erased: clients that show names reload them. */
    public record ParticipantErased(String type, long version, String workshopId, String participantId) {
        public static final String TYPE = "participant.erased";

        public ParticipantErased(long version, String workshopId, String participantId) {
            this(TYPE, version, workshopId, participantId);
        }
    }

    /**
     * Several changes of a busy workshop conflated into one push: they brought the workshop from
     * version {@code since} to {@code version}, and this carries the latest state of what they
     * touched (the participant count always; capabilities, rounds and scenario votes that changed),
     * exactly as {@code GET /api/v1/workshops/{id}} serves them, so nothing sealed is in it. A
     * client at a version from {@code since} up takes the parts in place of its own; one below
     * {@code since} has missed something and reloads.
     */
    public record WorkshopChanges(String type, long version, long since, String workshopId, int participantCount,
                                  List<CapabilityChange> capabilities, List<RoundView> rounds,
                                  List<ScenarioVoteView> scenarioVotes) {
        public static final String TYPE = "workshop.changes";

        public WorkshopChanges(long version, long since, String workshopId, int participantCount,
                               List<CapabilityChange> capabilities, List<RoundView> rounds,
                               List<ScenarioVoteView> scenarioVotes) {
            this(TYPE, version, since, workshopId, participantCount, capabilities, rounds, scenarioVotes);
        }
    }

    /**
     * What votes change of a capability: its rating and its mode votes. Its name, place and
     * state change only by model edits, which are pushed as themselves; leaving them out halves
     * a conflated push, which every client of a busy workshop receives several times a second.
     */
    public record CapabilityChange(String id, RatingView rating, ModeVotes modes) {
        public static CapabilityChange of(CapabilityView capability) {
            return new CapabilityChange(capability.id(), capability.rating(), capability.modes());
        }
    }
}
