package se.samverka.command.workshop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.Dimension;
import se.samverka.kernel.capability.FlatCapability;
import se.samverka.kernel.capability.ModelChange;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.CastScenarioVoteCommand;
import se.samverka.kernel.workshop.CloseRoundCommand;
import se.samverka.kernel.workshop.CloseScenarioVoteCommand;
import se.samverka.kernel.workshop.DefineScenarioCommand;
import se.samverka.kernel.workshop.OpenScenarioVoteCommand;
import se.samverka.kernel.workshop.RevealScenarioVoteCommand;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.ScenarioDefinedEvent;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.ScenarioVoteClosedEvent;
import se.samverka.kernel.workshop.ScenarioVoteMethod;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;
import se.samverka.kernel.workshop.ScenarioVoteRevealedEvent;
import se.samverka.kernel.workshop.EraseParticipantCommand;
import se.samverka.kernel.workshop.JoinWorkshopCommand;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.OpenRoundCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.RecordAgreedModeCommand;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RevealRoundCommand;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;
import se.samverka.kernel.workshop.RoundTimedOutEvent;
import se.samverka.kernel.workshop.VoteResponsibilityModeCommand;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.kernel.workshop.WorkshopModelChangedEvent;

/**
 * A live session in a project: who has joined, the voting rounds the facilitator runs, and each
 * participant's current rating of each capability (per round and dimension). Command handlers
 * return the workshop's version (the sequence number of its last event), which is the version
 * clients see in snapshots and live messages.
 *
 * <p>Until the facilitator opens a first round the workshop is in free rating: every capability
 * open, results live. From then on a rating is taken only inside an open round that covers it.
 */
@Aggregate(cache = "workshopCache", snapshotTriggerDefinition = "workshopSnapshotTrigger")
public class Workshop {
    static final int MAX_TITLE = 200;
    static final int MAX_NAME = 80;
    static final int MAX_ORGANISATION = 120;
    static final String ROUND_DEADLINE = "round-deadline";
    /** The round key of free rating, outside any round. */
    private static final String FREE = "";

    @AggregateIdentifier
    private WorkshopId workshopId;
    private String facilitator;
    private ProjectId projectId;
    private Map<String, FlatCapability> capabilities;
    private Set<String> dimensionIds;
    private final Set<ParticipantId> participants = new HashSet<>();
    /** Participants whose personal data is erased; their votes stay. */
    private final Set<ParticipantId> erased = new HashSet<>();
    private final Set<ParticipantId> removed = new HashSet<>();
    private final Map<RatingKey, Integer> ratings = new HashMap<>();
    private final Map<ModeKey, ResponsibilityMode> modes = new HashMap<>();
    private final Map<String, ResponsibilityMode> agreedModes = new HashMap<>();
    private final Map<RoundId, Round> rounds = new HashMap<>();
    private RoundId openRound;
    private final Map<String, Scenario> scenarios = new java.util.LinkedHashMap<>();
    private final Map<RoundId, ScenarioVote> scenarioVotes = new HashMap<>();
    private final Map<BallotKey, ScenarioVoteCastEvent> ballots = new HashMap<>();
    private RoundId openScenarioVote;
    private long version;

    private record RatingKey(ParticipantId participant, String round, String capabilityId, String dimension) {
    }

    private record ModeKey(ParticipantId participant, String capabilityId) {
    }

    private record BallotKey(ParticipantId participant, RoundId vote) {
    }

    protected Workshop() {
        // for Axon's event sourcing
    }

    /** Creates a workshop; called by {@link WorkshopCreation}, which resolves the model and the join code. */
    public Workshop(WorkshopId workshopId, ProjectId projectId, String title, String joinCode, String facilitator,
                    CapabilityModel capabilityModel, Instant createdAt) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-title",
                    "a workshop title needs 1 to " + MAX_TITLE + " characters");
        }
        apply(new WorkshopCreatedEvent(workshopId, projectId, trimmed, joinCode, facilitator, capabilityModel,
                createdAt));
    }

    @CommandHandler
    public long handle(JoinWorkshopCommand command, Clock clock, PersonalDataCipher personalData,
                       ProjectOrganisations organisations) {
        if (removed.contains(command.participantId())) {
            throw DomainException.forbidden("this participant was removed from the workshop");
        }
        if (participants.contains(command.participantId())) {
            return version; // a retried join changes nothing
        }
        String name = command.displayName() == null ? "" : command.displayName().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-display-name",
                    "a display name needs 1 to " + MAX_NAME + " characters");
        }
        String organisation = command.organisation() == null ? null : command.organisation().strip();
        if (organisation != null && organisation.length() > MAX_ORGANISATION) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-organisation",
                    "an organisation name has at most " + MAX_ORGANISATION + " characters");
        }
        // The project's list decides: a listed organisation in its spelling, free text only where allowed.
        String accepted = organisations.of(projectId).accept(organisation).orElse(null);
        // Name and organisation are personal data: the event carries them sealed with the
        // participant's own key, so erasing the key erases them (docs/personal-data.md).
        apply(new ParticipantJoinedEvent(workshopId, command.participantId(),
                personalData.seal(command.participantId(), name),
                accepted == null ? null : personalData.seal(command.participantId(), accepted), clock.instant()));
        return version;
    }

    /**
     * Erases a participant's personal data: deletes their key (in the transaction that appends
     * the event) and records that it happened. Their ratings and votes stay and still count.
     * Erasing twice changes nothing, and a retry deletes a key a failed first try left.
     */
    @CommandHandler
    public long handle(EraseParticipantCommand command, Clock clock, PersonalDataCipher personalData) {
        requireFacilitator(command.facilitator());
        if (!participants.contains(command.participantId())) {
            throw DomainException.notFound("unknown-participant", "the workshop has no such participant");
        }
        personalData.erase(command.participantId());
        if (!erased.contains(command.participantId())) {
            apply(new ParticipantErasedEvent(workshopId, command.participantId(), command.facilitator(),
                    clock.instant()));
        }
        return version;
    }

    @EventSourcingHandler
    void on(ParticipantErasedEvent event, @SequenceNumber long sequence) {
        erased.add(event.participantId());
        this.version = sequence;
    }

    @CommandHandler
    public long handle(RateCapabilityCommand command, Clock clock) {
        requireParticipant(command.participantId());
        requireActiveCapability(command.capabilityId());
        RoundId round = roundForRating(command.capabilityId(), clock.instant());
        RoundSettings.RatingMode mode = round == null ? RoundSettings.RatingMode.OVERALL
                : rounds.get(round).settings().ratingMode();
        String dimension = command.dimension();
        if (mode == RoundSettings.RatingMode.OVERALL && dimension != null) {
            throw new DomainException(DomainException.Kind.INVALID, "overall-rating-only",
                    "this round rates each capability as a whole, not per dimension");
        }
        if (mode == RoundSettings.RatingMode.PER_DIMENSION && (dimension == null
                || !dimensionIds.contains(dimension))) {
            throw DomainException.notFound("unknown-dimension",
                    "this round rates per dimension: one of " + String.join(", ", dimensionIds));
        }
        RatingKey key = new RatingKey(command.participantId(), round == null ? FREE : round.value(),
                command.capabilityId(), dimension);
        Integer previous = ratings.get(key);
        if (previous != null && previous == command.score().value()) {
            return version; // the same rating again changes nothing, so it is no event
        }
        apply(new CapabilityRatedEvent(workshopId, command.participantId(), command.capabilityId(),
                command.score().value(), previous, clock.instant(), round, dimension));
        return version;
    }

    @CommandHandler
    public long handle(OpenRoundCommand command, Clock clock, DeadlineManager deadlines) {
        requireFacilitator(command.facilitator());
        if (openRound != null) {
            throw DomainException.conflict("round-already-open",
                    "close the open round before opening another");
        }
        if (rounds.containsKey(command.roundId())) {
            throw DomainException.conflict("round-exists", "a round with this id exists already");
        }
        List<String> scope = resolve(command.scope());
        Instant now = clock.instant();
        Integer limit = command.settings().timeLimitSeconds();
        Instant deadline = limit == null ? null : now.plusSeconds(limit);
        apply(new RoundOpenedEvent(workshopId, command.roundId(), rounds.size() + 1, command.scope(), scope,
                command.settings(), now, deadline));
        if (deadline != null) {
            deadlines.schedule(deadline, ROUND_DEADLINE, command.roundId());
        }
        return version;
    }

    @CommandHandler
    public long handle(CloseRoundCommand command, Clock clock, DeadlineManager deadlines) {
        requireFacilitator(command.facilitator());
        Round round = requireRound(command.roundId());
        if (round.state() != Round.State.OPEN) {
            return version; // closing a closed round changes nothing
        }
        apply(new RoundClosedEvent(workshopId, command.roundId(), clock.instant()));
        deadlines.cancelAllWithinScope(ROUND_DEADLINE);
        return version;
    }

    /** The round closes at its deadline, whenever the timer actually fires. */
    @DeadlineHandler(deadlineName = ROUND_DEADLINE)
    void onRoundDeadline(RoundId roundId) {
        Round round = rounds.get(roundId);
        if (round != null && round.state() == Round.State.OPEN) {
            apply(new RoundTimedOutEvent(workshopId, roundId, round.deadline()));
        }
    }

    @CommandHandler
    public long handle(RevealRoundCommand command, Clock clock) {
        requireFacilitator(command.facilitator());
        Round round = requireRound(command.roundId());
        switch (round.state()) {
            case OPEN -> throw DomainException.conflict("round-open", "close the round before revealing it");
            case REVEALED -> {
                return version; // revealed already
            }
            case CLOSED -> apply(new RoundRevealedEvent(workshopId, command.roundId(), clock.instant()));
        }
        return version;
    }

    @CommandHandler
    public long handle(VoteResponsibilityModeCommand command, Clock clock) {
        requireParticipant(command.participantId());
        requireCapability(command.capabilityId());
        ModeKey key = new ModeKey(command.participantId(), command.capabilityId());
        ResponsibilityMode previous = modes.get(key);
        if (previous == command.mode()) {
            return version;
        }
        apply(new ResponsibilityModeVotedEvent(workshopId, command.participantId(), command.capabilityId(),
                command.mode(), previous, clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(RecordAgreedModeCommand command, Clock clock) {
        requireFacilitator(command.facilitator());
        requireCapability(command.capabilityId());
        if (agreedModes.get(command.capabilityId()) == command.mode()) {
            return version;
        }
        apply(new AgreedModeRecordedEvent(workshopId, command.capabilityId(), command.mode(), clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(DefineScenarioCommand command, Clock clock) {
        requireFacilitator(command.facilitator());
        if (openScenarioVote != null) {
            throw DomainException.conflict("scenario-vote-open", "scenarios cannot change while they are voted on");
        }
        command.scenario().capabilityIds().forEach(this::requireCapability);
        if (command.scenario().equals(scenarios.get(command.scenario().id().value()))) {
            return version;
        }
        apply(new ScenarioDefinedEvent(workshopId, command.scenario(), clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(OpenScenarioVoteCommand command, Clock clock) {
        requireFacilitator(command.facilitator());
        if (openScenarioVote != null) {
            throw DomainException.conflict("scenario-vote-open", "close the open scenario vote first");
        }
        if (scenarioVotes.containsKey(command.voteId())) {
            throw DomainException.conflict("scenario-vote-exists", "a vote with this id exists already");
        }
        if (scenarios.size() < 2) {
            throw DomainException.conflict("too-few-scenarios", "a vote needs at least two scenarios");
        }
        int dots = command.method() == ScenarioVoteMethod.DOTS ? command.dotsPerPerson() : 0;
        if (command.method() == ScenarioVoteMethod.DOTS && (dots < 1 || dots > OpenScenarioVoteCommand.MAX_DOTS)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-dots",
                    "each person gets 1 to " + OpenScenarioVoteCommand.MAX_DOTS + " dots");
        }
        apply(new ScenarioVoteOpenedEvent(workshopId, command.voteId(), command.method(), dots, command.sealed(),
                List.copyOf(scenarios.keySet()), clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(CastScenarioVoteCommand command, Clock clock) {
        requireParticipant(command.participantId());
        ScenarioVote vote = scenarioVotes.get(command.voteId());
        if (vote == null) {
            throw DomainException.notFound("unknown-vote", "the workshop has no such scenario vote");
        }
        if (vote.state() != Round.State.OPEN) {
            throw DomainException.conflict("scenario-vote-closed", "the scenario vote is closed");
        }
        Map<String, Integer> dots = null;
        List<String> ranking = null;
        if (vote.method() == ScenarioVoteMethod.DOTS) {
            dots = validDots(vote, command.dots());
        } else {
            ranking = validRanking(vote, command.ranking());
        }
        ScenarioVoteCastEvent previous = ballots.get(new BallotKey(command.participantId(), command.voteId()));
        if (previous != null && java.util.Objects.equals(previous.dots(), dots)
                && java.util.Objects.equals(previous.ranking(), ranking)) {
            return version;
        }
        apply(new ScenarioVoteCastEvent(workshopId, command.participantId(), command.voteId(), dots, ranking,
                previous == null ? null : previous.dots(), previous == null ? null : previous.ranking(),
                clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(CloseScenarioVoteCommand command, Clock clock) {
        requireFacilitator(command.facilitator());
        ScenarioVote vote = requireScenarioVote(command.voteId());
        if (vote.state() != Round.State.OPEN) {
            return version;
        }
        apply(new ScenarioVoteClosedEvent(workshopId, command.voteId(), clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(RevealScenarioVoteCommand command, Clock clock) {
        requireFacilitator(command.facilitator());
        ScenarioVote vote = requireScenarioVote(command.voteId());
        switch (vote.state()) {
            case OPEN -> throw DomainException.conflict("scenario-vote-open", "close the vote before revealing it");
            case REVEALED -> {
                return version;
            }
            case CLOSED -> apply(new ScenarioVoteRevealedEvent(workshopId, command.voteId(), clock.instant()));
        }
        return version;
    }

    private ScenarioVote requireScenarioVote(RoundId voteId) {
        ScenarioVote vote = scenarioVotes.get(voteId);
        if (vote == null) {
            throw DomainException.notFound("unknown-vote", "the workshop has no such scenario vote");
        }
        return vote;
    }

    /** Dots on scenarios of the vote, whole and not negative, at least one and at most the allowance. */
    private static Map<String, Integer> validDots(ScenarioVote vote, Map<String, Integer> dots) {
        if (dots == null || dots.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-ballot", "place your dots on scenarios");
        }
        Map<String, Integer> kept = new java.util.TreeMap<>();
        int total = 0;
        for (Map.Entry<String, Integer> entry : dots.entrySet()) {
            if (!vote.scenarioIds().contains(entry.getKey())) {
                throw DomainException.notFound("unknown-scenario", "the vote has no scenario '" + entry.getKey() + "'");
            }
            Integer count = entry.getValue();
            if (count == null || count < 0) {
                throw new DomainException(DomainException.Kind.INVALID, "invalid-ballot", "dots cannot be negative");
            }
            if (count > 0) {
                kept.put(entry.getKey(), count);
                total += count;
            }
        }
        if (total == 0 || total > vote.dotsPerPerson()) {
            throw new DomainException(DomainException.Kind.INVALID, "too-many-dots",
                    "place 1 to " + vote.dotsPerPerson() + " dots in all");
        }
        return kept;
    }

    /** Every scenario of the vote exactly once, most preferred first. */
    private static List<String> validRanking(ScenarioVote vote, List<String> ranking) {
        if (ranking == null || ranking.size() != vote.scenarioIds().size()
                || !new HashSet<>(ranking).equals(new HashSet<>(vote.scenarioIds()))) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-ranking",
                    "rank every scenario of the vote exactly once");
        }
        return List.copyOf(ranking);
    }

    /**
     * Removes a participant; called by {@link ParticipantRemoval}, which revokes their
     * credential in the same unit of work. Their ratings and votes so far stay in the record.
     */
    public long removeParticipant(ParticipantId participant, String caller, Instant at) {
        requireFacilitator(caller);
        if (removed.contains(participant)) {
            return version; // removed already: a retry changes nothing
        }
        if (!participants.contains(participant)) {
            throw DomainException.notFound("unknown-participant", "the workshop has no such participant");
        }
        apply(new ParticipantRemovedEvent(workshopId, participant, at));
        return version;
    }

    /**
     * Adopts the project's edited model; called by {@code ModelEditing} for every workshop of
     * the project. Capabilities are never removed, so ratings given keep their place.
     */
    public void adoptModel(ModelChange change, CapabilityModel model, Instant at) {
        apply(new WorkshopModelChangedEvent(workshopId, change, model, at));
    }

    private void requireParticipant(ParticipantId participant) {
        if (!participants.contains(participant)) {
            throw DomainException.forbidden("only a participant of this workshop may do this");
        }
    }

    private void requireFacilitator(String caller) {
        if (!facilitator.equals(caller)) {
            throw DomainException.forbidden("only the facilitator who runs this workshop may do this");
        }
    }

    private void requireCapability(String capabilityId) {
        if (!capabilities.containsKey(capabilityId)) {
            throw DomainException.notFound("unknown-capability",
                    "the workshop has no capability '" + capabilityId + "'");
        }
    }

    private void requireActiveCapability(String capabilityId) {
        requireCapability(capabilityId);
        if (capabilities.get(capabilityId).retired()) {
            throw DomainException.conflict("retired-capability", "the capability is retired and takes no ratings");
        }
    }

    private Round requireRound(RoundId roundId) {
        Round round = rounds.get(roundId);
        if (round == null) {
            throw DomainException.notFound("unknown-round", "the workshop has no such round");
        }
        return round;
    }

    /** The round a rating belongs to: none in free rating, else the open round that covers it. */
    private RoundId roundForRating(String capabilityId, Instant now) {
        if (rounds.isEmpty()) {
            return null;
        }
        Round round = openRound == null ? null : rounds.get(openRound);
        if (round == null || !round.acceptsRatingsAt(now)) {
            throw DomainException.conflict("no-open-round", "ratings are taken only while a round is open");
        }
        if (!round.covers(capabilityId)) {
            throw DomainException.conflict("not-in-round", "the open round does not cover this capability");
        }
        return openRound;
    }

    private List<String> resolve(RoundScope scope) {
        Set<String> ids = new LinkedHashSet<>();
        for (FlatCapability capability : capabilities.values()) {
            if (capability.retired()) {
                continue;
            }
            boolean in = switch (scope.kind()) {
                case ALL -> true;
                case CAPABILITY -> capability.id().equals(scope.target());
                case CATEGORY -> capability.category().equals(scope.target());
                case SUBTREE -> capability.id().equals(scope.target()) || isBelow(capability, scope.target());
            };
            if (in) {
                ids.add(capability.id());
            }
        }
        if (ids.isEmpty()) {
            throw DomainException.notFound("unknown-scope", "the scope matches no capability of the workshop");
        }
        return List.copyOf(ids);
    }

    private boolean isBelow(FlatCapability capability, String ancestor) {
        for (String parent = capability.parentId(); parent != null; parent = capabilities.get(parent).parentId()) {
            if (parent.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The state as a snapshot; see {@link WorkshopSnapshotter}. */
    WorkshopSnapshot snapshot() {
        return new WorkshopSnapshot(workshopId, projectId, facilitator, List.copyOf(capabilities.values()),
                List.copyOf(dimensionIds), List.copyOf(participants), List.copyOf(erased), List.copyOf(removed),
                ratings.entrySet().stream().map(e -> new WorkshopSnapshot.Rating(e.getKey().participant(),
                        e.getKey().round(), e.getKey().capabilityId(), e.getKey().dimension(), e.getValue())).toList(),
                modes.entrySet().stream().map(e -> new WorkshopSnapshot.Mode(e.getKey().participant(),
                        e.getKey().capabilityId(), e.getValue())).toList(),
                new java.util.HashMap<>(agreedModes),
                rounds.entrySet().stream().map(e -> new WorkshopSnapshot.RoundEntry(e.getKey(), e.getValue())).toList(),
                openRound, List.copyOf(scenarios.values()),
                scenarioVotes.entrySet().stream().map(e -> new WorkshopSnapshot.VoteEntry(e.getKey(), e.getValue()))
                        .toList(),
                List.copyOf(ballots.values()), openScenarioVote, version);
    }

    /** Loading from a snapshot: the snapshot comes first in the stream, the events after it follow. */
    @EventSourcingHandler
    void on(WorkshopSnapshot snapshot) {
        this.workshopId = snapshot.workshopId();
        this.projectId = snapshot.projectId();
        this.facilitator = snapshot.facilitator();
        Map<String, FlatCapability> byId = new java.util.LinkedHashMap<>();
        snapshot.capabilities().forEach(capability -> byId.put(capability.id(), capability));
        this.capabilities = byId;
        this.dimensionIds = new LinkedHashSet<>(snapshot.dimensionIds());
        participants.clear();
        participants.addAll(snapshot.participants());
        erased.clear();
        erased.addAll(snapshot.erased());
        removed.clear();
        removed.addAll(snapshot.removed());
        ratings.clear();
        snapshot.ratings().forEach(r -> ratings.put(new RatingKey(r.participant(), r.round(), r.capabilityId(),
                r.dimension()), r.score()));
        modes.clear();
        snapshot.modes().forEach(m -> modes.put(new ModeKey(m.participant(), m.capabilityId()), m.mode()));
        agreedModes.clear();
        agreedModes.putAll(snapshot.agreedModes());
        rounds.clear();
        snapshot.rounds().forEach(r -> rounds.put(r.id(), r.round()));
        this.openRound = snapshot.openRound();
        scenarios.clear();
        snapshot.scenarios().forEach(s -> scenarios.put(s.id().value(), s));
        scenarioVotes.clear();
        snapshot.scenarioVotes().forEach(v -> scenarioVotes.put(v.id(), v.vote()));
        ballots.clear();
        snapshot.ballots().forEach(b -> ballots.put(new BallotKey(b.participantId(), b.voteId()), b));
        this.openScenarioVote = snapshot.openScenarioVote();
        this.version = snapshot.version();
    }

    @EventSourcingHandler
    void on(WorkshopCreatedEvent event, @SequenceNumber long sequence) {
        this.workshopId = event.workshopId();
        this.projectId = event.projectId();
        this.facilitator = event.facilitator();
        useModel(event.capabilityModel());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(WorkshopModelChangedEvent event, @SequenceNumber long sequence) {
        useModel(event.capabilityModel());
        this.version = sequence;
    }

    private void useModel(CapabilityModel model) {
        // Insertion order is model order, so a resolved scope lists capabilities as the model does.
        Map<String, FlatCapability> byId = new java.util.LinkedHashMap<>();
        model.flatten().forEach(capability -> byId.put(capability.id(), capability));
        this.capabilities = byId;
        this.dimensionIds = new LinkedHashSet<>(model.dimensions().stream().map(Dimension::id).toList());
    }

    @EventSourcingHandler
    void on(ParticipantJoinedEvent event, @SequenceNumber long sequence) {
        participants.add(event.participantId());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ParticipantRemovedEvent event, @SequenceNumber long sequence) {
        participants.remove(event.participantId());
        removed.add(event.participantId());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(CapabilityRatedEvent event, @SequenceNumber long sequence) {
        ratings.put(new RatingKey(event.participantId(), event.roundId() == null ? FREE : event.roundId().value(),
                event.capabilityId(), event.dimension()), event.score());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(RoundOpenedEvent event, @SequenceNumber long sequence) {
        rounds.put(event.roundId(), new Round(new HashSet<>(event.capabilityIds()), event.settings(),
                event.deadline(), Round.State.OPEN));
        openRound = event.roundId();
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(RoundClosedEvent event, @SequenceNumber long sequence) {
        closeRound(event.roundId());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(RoundTimedOutEvent event, @SequenceNumber long sequence) {
        closeRound(event.roundId());
        this.version = sequence;
    }

    private void closeRound(RoundId roundId) {
        rounds.put(roundId, rounds.get(roundId).withState(Round.State.CLOSED));
        if (roundId.equals(openRound)) {
            openRound = null;
        }
    }

    @EventSourcingHandler
    void on(RoundRevealedEvent event, @SequenceNumber long sequence) {
        rounds.put(event.roundId(), rounds.get(event.roundId()).withState(Round.State.REVEALED));
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ResponsibilityModeVotedEvent event, @SequenceNumber long sequence) {
        modes.put(new ModeKey(event.participantId(), event.capabilityId()), event.mode());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ScenarioDefinedEvent event, @SequenceNumber long sequence) {
        scenarios.put(event.scenario().id().value(), event.scenario());
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ScenarioVoteOpenedEvent event, @SequenceNumber long sequence) {
        scenarioVotes.put(event.voteId(), new ScenarioVote(event.method(), event.dotsPerPerson(), event.scenarioIds(),
                Round.State.OPEN));
        openScenarioVote = event.voteId();
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ScenarioVoteCastEvent event, @SequenceNumber long sequence) {
        ballots.put(new BallotKey(event.participantId(), event.voteId()), event);
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ScenarioVoteClosedEvent event, @SequenceNumber long sequence) {
        scenarioVotes.put(event.voteId(), scenarioVotes.get(event.voteId()).withState(Round.State.CLOSED));
        if (event.voteId().equals(openScenarioVote)) {
            openScenarioVote = null;
        }
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(ScenarioVoteRevealedEvent event, @SequenceNumber long sequence) {
        scenarioVotes.put(event.voteId(), scenarioVotes.get(event.voteId()).withState(Round.State.REVEALED));
        this.version = sequence;
    }

    @EventSourcingHandler
    void on(AgreedModeRecordedEvent event, @SequenceNumber long sequence) {
        agreedModes.put(event.capabilityId(), event.mode());
        this.version = sequence;
    }
}
