package se.samverka.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.command.risk.ProjectMembership;
import se.samverka.kernel.meeting.AgendaItem;
import se.samverka.kernel.meeting.AgendaItemInput;
import se.samverka.kernel.meeting.AgendaItemMovedEvent;
import se.samverka.kernel.meeting.AgendaSetEvent;
import se.samverka.kernel.meeting.CastDecisionVoteCommand;
import se.samverka.kernel.meeting.ChangeSteeringRoleCommand;
import se.samverka.kernel.meeting.DecisionClosedEvent;
import se.samverka.kernel.meeting.DecisionEvidence;
import se.samverka.kernel.meeting.DecisionKind;
import se.samverka.kernel.meeting.DecisionOpenedEvent;
import se.samverka.kernel.meeting.DecisionOption;
import se.samverka.kernel.meeting.DecisionRules;
import se.samverka.kernel.meeting.DecisionVoteCastEvent;
import se.samverka.kernel.meeting.MarkPresentCommand;
import se.samverka.kernel.meeting.MeetingEvent;
import se.samverka.kernel.meeting.MeetingId;
import se.samverka.kernel.meeting.MeetingOutcome;
import se.samverka.kernel.meeting.MeetingStartedEvent;
import se.samverka.kernel.meeting.MoveAgendaCommand;
import se.samverka.kernel.meeting.OpenDecisionCommand;
import se.samverka.kernel.meeting.ParticipantPresentEvent;
import se.samverka.kernel.meeting.RecordedVote;
import se.samverka.kernel.meeting.SetAgendaCommand;
import se.samverka.kernel.meeting.SteeringRoleChangedEvent;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.problem.TextInput;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The meeting held in a workshop: its agenda and current item, who is here, who is a
 * steering-group member, and its decisions with their votes. One aggregate per workshop
 * ({@code <workshopId>-meeting}), kept out of {@code Workshop}; its first event
 * ({@link MeetingStartedEvent}) carries the project, so the meeting joins the project's record.
 * Every handler answers the meeting's version that includes the change.
 */
@Aggregate
public class Meeting {
    static final int MAX_TEXT = 500;
    static final int MAX_TITLE = 200;
    static final int MAX_ITEMS = 30;
    static final int MAX_LIST = 12;
    static final int MAX_QUORUM = 1000;

    @AggregateIdentifier
    private MeetingId meetingId;
    private WorkshopId workshopId;
    private ProjectId projectId;
    private String facilitator;
    private List<AgendaItem> items = List.of();
    private String purpose;
    private List<String> goals = List.of();
    private String currentItemId;
    private final Set<ParticipantId> present = new LinkedHashSet<>();
    private final Map<ParticipantId, String> members = new LinkedHashMap<>();
    private final Map<String, Decision> decisions = new LinkedHashMap<>();
    private long version = -1;

    /** A member's latest vote while the decision is open. */
    private record Vote(String optionId, Instant at) {
    }

    /** What a decision needs to be counted and what closing it does. */
    record Decision(String id, DecisionKind kind, List<DecisionOption> options, String planVersion, Integer quorum,
                    boolean anonymous, boolean open, Map<ParticipantId, Vote> votes) {
        boolean hasOption(String optionId) {
            return options.stream().anyMatch(option -> option.id().equals(optionId));
        }
    }

    protected Meeting() {
        // for Axon: event sourcing, and creation by the first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public MeetingOutcome handle(SetAgendaCommand command, ProjectMembership membership, Clock clock) {
        start(command.workshopId(), membership, clock);
        requireFacilitator(command.facilitator());
        String nextPurpose = TextInput.optional("purpose", command.purpose(), MAX_TEXT);
        List<String> nextGoals = texts("goals", command.goals(), MAX_TEXT);
        List<AgendaItemInput> inputs = command.items() == null ? List.of() : command.items();
        if (inputs.isEmpty() || inputs.size() > MAX_ITEMS) {
            throw invalid("items", "an agenda has 1 to " + MAX_ITEMS + " items");
        }
        List<AgendaItem> next = new ArrayList<>();
        for (AgendaItemInput input : inputs) {
            if (input == null) {
                throw invalid("items", "an agenda item is required");
            }
            next.add(new AgendaItem("a" + (next.size() + 1), TextInput.required("title", input.title(), MAX_TITLE),
                    texts("details", input.details(), MAX_TITLE)));
        }
        if (!(next.equals(items) && Objects.equals(nextPurpose, purpose) && nextGoals.equals(goals))) {
            Instant now = clock.instant();
            apply(new AgendaSetEvent(workshopId, projectId, nextPurpose, nextGoals, List.copyOf(next),
                    command.facilitator(), now));
            if (currentItemId != null && item(currentItemId) == null) {
                apply(new AgendaItemMovedEvent(workshopId, projectId, null, command.facilitator(), now));
            }
        }
        return outcome("agenda");
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public MeetingOutcome handle(MoveAgendaCommand command, ProjectMembership membership, Clock clock) {
        start(command.workshopId(), membership, clock);
        requireFacilitator(command.facilitator());
        if (command.itemId() != null && item(command.itemId()) == null) {
            throw DomainException.notFound("unknown-agenda-item", "the agenda has no item " + command.itemId());
        }
        if (!Objects.equals(command.itemId(), currentItemId)) {
            apply(new AgendaItemMovedEvent(workshopId, projectId, command.itemId(), command.facilitator(),
                    clock.instant()));
        }
        return outcome(command.itemId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public MeetingOutcome handle(MarkPresentCommand command, ProjectMembership membership, Clock clock) {
        start(command.workshopId(), membership, clock);
        if (!present.contains(command.participantId())) {
            String name = membership.displayNameOf(workshopId, command.participantId());
            if (name == null) {
                throw DomainException.forbidden("only a participant of this workshop may be present");
            }
            apply(new ParticipantPresentEvent(workshopId, projectId, command.participantId(), name, clock.instant()));
        }
        return outcome(command.participantId().value());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public MeetingOutcome handle(ChangeSteeringRoleCommand command, ProjectMembership membership, Clock clock) {
        start(command.workshopId(), membership, clock);
        requireFacilitator(command.facilitator());
        if (members.containsKey(command.participantId()) != command.member()) {
            String name = membership.displayNameOf(workshopId, command.participantId());
            if (name == null) {
                throw DomainException.notFound("unknown-participant", "the workshop has no such participant");
            }
            apply(new SteeringRoleChangedEvent(workshopId, projectId, command.participantId(), name,
                    command.member(), command.facilitator(), clock.instant()));
        }
        return outcome(command.participantId().value());
    }

    @CommandHandler
    public MeetingOutcome handle(CastDecisionVoteCommand command, Clock clock) {
        Decision decision = decision(command.decisionId());
        if (!members.containsKey(command.participantId())) {
            throw DomainException.forbidden("only steering-group members may vote");
        }
        if (!decision.open()) {
            throw DomainException.conflict("decision-closed", "the decision is closed");
        }
        if (command.optionId() == null || !decision.hasOption(command.optionId())) {
            throw invalid("option", "the decision has no such option");
        }
        Vote earlier = decision.votes().get(command.participantId());
        if (earlier == null || !earlier.optionId().equals(command.optionId())) {
            apply(new DecisionVoteCastEvent(workshopId, projectId, decision.id(), command.participantId(),
                    command.optionId(), clock.instant()));
        }
        return outcome(decision.id());
    }

    /** Opens a decision (called by {@link DecisionHandling}, which checked the plan version). */
    MeetingOutcome open(OpenDecisionCommand command, ProjectMembership membership, Clock clock) {
        start(command.workshopId(), membership, clock);
        requireFacilitator(command.facilitator());
        DecisionKind kind = command.kind() == null ? DecisionKind.GENERAL : command.kind();
        String proposal = TextInput.required("proposal", command.proposal(), MAX_TEXT);
        List<DecisionOption> options;
        if (kind == DecisionKind.PLAN_APPROVAL || command.options() == null || command.options().isEmpty()) {
            if (kind == DecisionKind.PLAN_APPROVAL && command.options() != null && !command.options().isEmpty()) {
                throw invalid("options", "a plan approval has the options Fortsätt / Tillbaka / Stopp–avsluta");
            }
            options = DecisionOption.defaults();
        } else {
            List<String> labels = texts("options", command.options(), MAX_TITLE);
            if (labels.size() < 2 || Set.copyOf(labels).size() != labels.size()) {
                throw invalid("options", "a decision has at least two different options");
            }
            options = new ArrayList<>();
            for (String label : labels) {
                options.add(new DecisionOption("o" + (options.size() + 1), label));
            }
        }
        if (command.quorum() != null && (command.quorum() < 1 || command.quorum() > MAX_QUORUM)) {
            throw invalid("quorum", "a quorum is 1 to " + MAX_QUORUM + " votes");
        }
        if (kind == DecisionKind.PLAN_APPROVAL && (command.planVersion() == null || command.planVersion().isBlank())) {
            throw invalid("planVersion", "a plan approval names the plan version");
        }
        String id = "d" + (decisions.size() + 1);
        apply(new DecisionOpenedEvent(workshopId, projectId, id, kind, proposal, List.copyOf(options),
                kind == DecisionKind.PLAN_APPROVAL ? command.planVersion() : null, command.quorum(),
                command.openVoting(), command.anonymous(), currentItemId, command.facilitator(), clock.instant()));
        return outcome(id);
    }

    /** The decision to close, checked: known, and the caller runs the meeting. */
    Decision toClose(String decisionId, String by) {
        requireFacilitator(by);
        return decision(decisionId);
    }

    /** Closes an open decision with the evidence on the table; returns the closing event. */
    DecisionClosedEvent close(String decisionId, String by, DecisionEvidence evidence, Clock clock) {
        Decision decision = toClose(decisionId, by);
        if (!decision.open()) {
            throw new IllegalStateException("closed already");
        }
        DecisionRules.Count count = DecisionRules.count(decision.options(),
                decision.votes().values().stream().map(Vote::optionId).toList(), decision.quorum());
        List<RecordedVote> recorded = decision.votes().entrySet().stream()
                .map(e -> new RecordedVote(e.getKey(), members.get(e.getKey()),
                        decision.anonymous() ? null : e.getValue().optionId(), e.getValue().at()))
                .toList();
        DecisionClosedEvent closed = new DecisionClosedEvent(workshopId, projectId, decision.id(), count.result(),
                count.outcome(), count.tally(), recorded, evidence, by, clock.instant());
        apply(closed);
        return closed;
    }

    ProjectId projectId() {
        return projectId;
    }

    WorkshopId workshopId() {
        return workshopId;
    }

    long version() {
        return version;
    }

    MeetingOutcome outcome(String id) {
        return new MeetingOutcome(id, version);
    }

    private void start(WorkshopId workshop, ProjectMembership membership, Clock clock) {
        if (projectId == null) {
            WorkshopCreatedEvent created = membership.workshopCreated(workshop);
            apply(new MeetingStartedEvent(workshop, created.projectId(), created.facilitator(), clock.instant()));
        }
    }

    private void requireFacilitator(String by) {
        if (by == null || !by.equals(facilitator)) {
            throw DomainException.forbidden("only the facilitator who runs this workshop may do this");
        }
    }

    private AgendaItem item(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst().orElse(null);
    }

    private Decision decision(String id) {
        Decision decision = id == null ? null : decisions.get(id);
        if (decision == null) {
            throw DomainException.notFound("unknown-decision", "the meeting has no such decision");
        }
        return decision;
    }

    private static List<String> texts(String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST) {
            throw invalid(field, "at most " + MAX_LIST + " " + field);
        }
        return values.stream().map(value -> TextInput.required(field, value, max)).toList();
    }

    private static DomainException invalid(String field, String message) {
        return TextInput.invalid(field, message);
    }

    @EventSourcingHandler
    void on(MeetingEvent event, @SequenceNumber long sequence) {
        version = sequence;
        if (event instanceof MeetingStartedEvent started) {
            meetingId = MeetingId.of(started.workshopId());
            workshopId = started.workshopId();
            projectId = started.projectId();
            facilitator = started.facilitator();
        } else if (event instanceof AgendaSetEvent set) {
            items = set.items();
            purpose = set.purpose();
            goals = set.goals();
        } else if (event instanceof AgendaItemMovedEvent moved) {
            currentItemId = moved.itemId();
        } else if (event instanceof ParticipantPresentEvent here) {
            present.add(here.participantId());
        } else if (event instanceof SteeringRoleChangedEvent role) {
            if (role.member()) {
                members.put(role.participantId(), role.displayName());
            } else {
                members.remove(role.participantId());
            }
        } else if (event instanceof DecisionOpenedEvent opened) {
            decisions.put(opened.decisionId(), new Decision(opened.decisionId(), opened.kind(), opened.options(),
                    opened.planVersion(), opened.quorum(), opened.anonymous(), true, new LinkedHashMap<>()));
        } else if (event instanceof DecisionVoteCastEvent cast) {
            decisions.get(cast.decisionId()).votes().put(cast.participantId(), new Vote(cast.optionId(), cast.castAt()));
        } else if (event instanceof DecisionClosedEvent closed) {
            Decision d = decisions.get(closed.decisionId());
            decisions.put(d.id(), new Decision(d.id(), d.kind(), d.options(), d.planVersion(), d.quorum(),
                    d.anonymous(), false, d.votes()));
        }
    }
}
