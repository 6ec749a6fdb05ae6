package se.samverka.query.workshop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundTimedOutEvent;
import se.samverka.kernel.workshop.ScenarioDefinedEvent;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.ScenarioVoteClosedEvent;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;
import se.samverka.kernel.workshop.ScenarioVoteRevealedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopEvent;
import se.samverka.kernel.workshop.WorkshopModelChangedEvent;

/**
 * A workshop's dashboard as it stood at a chosen event or moment, rebuilt in memory from the
 * workshop's events up to that point: nothing is stored per version, and the replay uses the
 * same {@link WorkshopView} steps as the live projection. Every kind of workshop event needs a
 * step here; a test holds that to the sealed {@link WorkshopEvent}'s list.
 */
@Component
public class WorkshopReplay {
    /** How each workshop event changes the view; the view's version is set after the step. */
    static final Map<Class<? extends WorkshopEvent>, Step> STEPS = Map.ofEntries(
            Map.entry(WorkshopCreatedEvent.class, (view, event, version, seen) -> WorkshopView.created(
                    asStored((WorkshopCreatedEvent) event), version)),
            Map.entry(ParticipantJoinedEvent.class, (view, event, version, seen) -> {
                ParticipantJoinedEvent joined = (ParticipantJoinedEvent) event;
                seen.organisations.put(joined.participantId().value(),
                        seen.personalData.revealOrNull(joined.organisation()));
                return view.withParticipantCount(view.participantCount() + 1);
            }),
            Map.entry(ParticipantRemovedEvent.class, (view, event, version, seen) ->
                    view.withParticipantCount(Math.max(0, view.participantCount() - 1))),
            Map.entry(CapabilityRatedEvent.class, (view, event, version, seen) -> {
                CapabilityRatedEvent rated = (CapabilityRatedEvent) event;
                if (rated.roundId() == null) {
                    return view.withRating(rated.capabilityId(), rated.score(), rated.previousScore());
                }
                String roundId = rated.roundId().value();
                String participant = rated.participantId().value();
                seen.ratings.computeIfAbsent(roundId, key -> new LinkedHashMap<>()).put(
                        RatingRecord.idOf(participant, roundId, rated.capabilityId(), rated.dimension()),
                        new RatingRecord(RatingRecord.idOf(participant, roundId, rated.capabilityId(),
                                rated.dimension()), view.id(), view.projectId(), participant,
                                seen.organisations.get(participant), roundId, rated.capabilityId(), rated.dimension(),
                                rated.score()));
                return view.withRound(roundId, round -> {
                    RoundView voted = round.withVoter(participant);
                    return round.sealed() ? voted : voted.withRating(rated.capabilityId(), rated.dimension(),
                            rated.score(), rated.previousScore());
                });
            }),
            Map.entry(RoundOpenedEvent.class, (view, event, version, seen) ->
                    view.withRound(RoundView.opened((RoundOpenedEvent) event))),
            Map.entry(RoundClosedEvent.class, (view, event, version, seen) -> {
                RoundClosedEvent closed = (RoundClosedEvent) event;
                return view.withRound(closed.roundId().value(), round -> round.closed(closed.closedAt(), false));
            }),
            Map.entry(RoundTimedOutEvent.class, (view, event, version, seen) -> {
                RoundTimedOutEvent closed = (RoundTimedOutEvent) event;
                return view.withRound(closed.roundId().value(), round -> round.closed(closed.closedAt(), true));
            }),
            Map.entry(RoundRevealedEvent.class, (view, event, version, seen) -> {
                RoundRevealedEvent revealed = (RoundRevealedEvent) event;
                String roundId = revealed.roundId().value();
                return view.withRound(roundId, round -> round.revealed(revealed.revealedAt(), RoundResults.of(
                        new ArrayList<>(seen.ratings.getOrDefault(roundId, Map.of()).values()), view)));
            }),
            Map.entry(ResponsibilityModeVotedEvent.class, (view, event, version, seen) -> {
                ResponsibilityModeVotedEvent voted = (ResponsibilityModeVotedEvent) event;
                return view.withCapability(voted.capabilityId(), capability -> capability.withModes(
                        capability.modes().replace(voted.mode(), voted.previousMode())));
            }),
            Map.entry(AgreedModeRecordedEvent.class, (view, event, version, seen) -> {
                AgreedModeRecordedEvent agreed = (AgreedModeRecordedEvent) event;
                return view.withCapability(agreed.capabilityId(), capability -> capability.withModes(
                        capability.modes().agree(agreed.mode())));
            }),
            Map.entry(ScenarioDefinedEvent.class, (view, event, version, seen) ->
                    view.withScenario(((ScenarioDefinedEvent) event).scenario())),
            Map.entry(ScenarioVoteOpenedEvent.class, (view, event, version, seen) ->
                    view.withScenarioVote(ScenarioVoteView.opened((ScenarioVoteOpenedEvent) event))),
            Map.entry(ScenarioVoteCastEvent.class, (view, event, version, seen) -> {
                ScenarioVoteCastEvent cast = (ScenarioVoteCastEvent) event;
                String voteId = cast.voteId().value();
                String participant = cast.participantId().value();
                seen.ballots.computeIfAbsent(voteId, key -> new LinkedHashMap<>()).put(participant,
                        new ScenarioBallot(voteId + "/" + participant, view.id(), voteId, participant, cast.dots(),
                                cast.ranking()));
                ScenarioVoteView vote = view.scenarioVote(voteId).withVoter(participant);
                return view.withScenarioVote(vote.sealed() ? vote : vote.withState(vote.state(),
                        ScenarioVoteView.tally(vote.scenarioIds(), seen.ballotsOf(voteId))));
            }),
            Map.entry(ScenarioVoteClosedEvent.class, (view, event, version, seen) -> {
                ScenarioVoteView vote = view.scenarioVote(((ScenarioVoteClosedEvent) event).voteId().value());
                return view.withScenarioVote(vote.withState(RoundView.CLOSED, vote.results()));
            }),
            Map.entry(ScenarioVoteRevealedEvent.class, (view, event, version, seen) -> {
                String voteId = ((ScenarioVoteRevealedEvent) event).voteId().value();
                ScenarioVoteView vote = view.scenarioVote(voteId);
                return view.withScenarioVote(vote.withState(RoundView.REVEALED,
                        ScenarioVoteView.tally(vote.scenarioIds(), seen.ballotsOf(voteId))));
            }),
            Map.entry(ParticipantErasedEvent.class, (view, event, version, seen) -> {
                seen.organisations.remove(((ParticipantErasedEvent) event).participantId().value());
                return view;
            }),
            Map.entry(WorkshopModelChangedEvent.class, (view, event, version, seen) ->
                    view.withModel(((WorkshopModelChangedEvent) event).capabilityModel())));

    /**
     * What a replay remembers besides the view, as the projection keeps it in MongoDB: the
     * ratings of rounds and the ballots of scenario votes (to compute results at a reveal) and
     * who is from where.
     */
    static final class Seen {
        final PersonalDataCipher personalData;
        final Map<String, String> organisations = new HashMap<>();

        Seen(PersonalDataCipher personalData) {
            this.personalData = personalData;
        }

        final Map<String, Map<String, RatingRecord>> ratings = new HashMap<>();
        final Map<String, Map<String, ScenarioBallot>> ballots = new HashMap<>();

        List<ScenarioBallot> ballotsOf(String voteId) {
            return new ArrayList<>(ballots.getOrDefault(voteId, Map.of()).values());
        }
    }

    /** MongoDB keeps times to the millisecond; so does the replay, or the two would differ in that alone. */
    private static WorkshopCreatedEvent asStored(WorkshopCreatedEvent e) {
        return new WorkshopCreatedEvent(e.workshopId(), e.projectId(), e.title(), e.joinCode(), e.facilitator(),
                e.capabilityModel(), e.createdAt().truncatedTo(ChronoUnit.MILLIS));
    }

    @FunctionalInterface
    interface Step {
        WorkshopView apply(WorkshopView view, WorkshopEvent event, long version, Seen seen);
    }

    /**
     * The workshop after the event with {@code version} (its sequence number), how many events
     * it has now, and when and what that event was.
     */
    public record Replayed(long version, long latestVersion, Instant occurredAt, String eventType,
                           WorkshopView workshop) {
    }

    private final EventStore events;
    private final PersonalDataCipher personalData;

    /** For tests whose events carry names in the clear. */
    public WorkshopReplay(EventStore events) {
        this(events, PersonalDataCipher.PLAIN);
    }

    /** Sealed personal data opens as the projections open it: an erased participant stays erased at every moment. */
    @Autowired
    public WorkshopReplay(EventStore events, PersonalDataCipher personalData) {
        this.events = events;
        this.personalData = personalData;
    }

    /** The workshop as it stands now, replayed like any other moment. */
    public Replayed latest(String workshopId) {
        return replay(workshopId, message -> true, "no such workshop");
    }

    /** The workshop after the event with this version. */
    public Replayed atVersion(String workshopId, long version) {
        Replayed replayed = replay(workshopId, message -> message.getSequenceNumber() <= version,
                "the workshop has no version " + version);
        if (version < 0 || version > replayed.latestVersion()) {
            throw new DomainException(DomainException.Kind.INVALID, "no-such-version",
                    "the workshop has versions 0 to " + replayed.latestVersion());
        }
        return replayed;
    }

    /** The workshop as it stood at this moment: after the last event at or before it. */
    public Replayed atMoment(String workshopId, Instant moment) {
        return replay(workshopId, message -> !message.getTimestamp().isAfter(moment),
                "the workshop did not exist yet at " + moment);
    }

    private Replayed replay(String workshopId, Function<DomainEventMessage<?>, Boolean> included, String none) {
        WorkshopView view = null;
        Seen seen = new Seen(personalData);
        Instant occurredAt = null;
        String eventType = null;
        long latest = -1;
        DomainEventStream stream = events.readEvents(workshopId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            latest = message.getSequenceNumber();
            if (!included.apply(message) || !(message.getPayload() instanceof WorkshopEvent event)) {
                continue;
            }
            Step step = STEPS.get(event.getClass());
            long version = message.getSequenceNumber();
            if (step != null && (view != null || event instanceof WorkshopCreatedEvent)) {
                view = step.apply(view, event, version, seen);
            }
            if (view != null) {
                view = view.withVersion(version);
                occurredAt = message.getTimestamp();
                eventType = event.getClass().getSimpleName();
            }
        }
        if (view == null) {
            throw new DomainException(DomainException.Kind.INVALID, "no-such-moment", none);
        }
        return new Replayed(view.version(), latest, occurredAt, eventType, view);
    }
}
