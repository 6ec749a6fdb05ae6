package se.samverka.command.risk;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.problem.TextInput;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.risk.AcceptRiskProposalCommand;
import se.samverka.kernel.risk.AddRiskActionCommand;
import se.samverka.kernel.risk.AdoptRiskEstimateCommand;
import se.samverka.kernel.risk.AssessmentBasis;
import se.samverka.kernel.risk.CloseRiskCommand;
import se.samverka.kernel.risk.DeclineRiskProposalCommand;
import se.samverka.kernel.risk.DiscardRiskEstimateCommand;
import se.samverka.kernel.risk.EditRiskCommand;
import se.samverka.kernel.risk.GiveRiskEstimateCommand;
import se.samverka.kernel.risk.MitigateRiskCommand;
import se.samverka.kernel.risk.OpenRiskEstimateCommand;
import se.samverka.kernel.risk.ProposeRiskCommand;
import se.samverka.kernel.risk.ReassessRiskCommand;
import se.samverka.kernel.risk.RegisterRiskCommand;
import se.samverka.kernel.risk.ReopenRiskCommand;
import se.samverka.kernel.risk.RevealRiskEstimateCommand;
import se.samverka.kernel.risk.RiskActionAddedEvent;
import se.samverka.kernel.risk.RiskActionId;
import se.samverka.kernel.risk.RiskActionStatus;
import se.samverka.kernel.risk.RiskActionUpdatedEvent;
import se.samverka.kernel.risk.RiskAssessment;
import se.samverka.kernel.risk.RiskClosedEvent;
import se.samverka.kernel.risk.RiskEditedEvent;
import se.samverka.kernel.risk.RiskEscalatedEvent;
import se.samverka.kernel.risk.RiskEstimateAdoptedEvent;
import se.samverka.kernel.risk.RiskEstimateDiscardedEvent;
import se.samverka.kernel.risk.RiskEstimateGivenEvent;
import se.samverka.kernel.risk.RiskEstimateOpenedEvent;
import se.samverka.kernel.risk.RiskEstimateRevealedEvent;
import se.samverka.kernel.risk.RiskEstimateValue;
import se.samverka.kernel.risk.RiskId;
import se.samverka.kernel.risk.RiskLevel;
import se.samverka.kernel.risk.RiskMitigatedEvent;
import se.samverka.kernel.risk.RiskProposalAcceptedEvent;
import se.samverka.kernel.risk.RiskProposalDeclinedEvent;
import se.samverka.kernel.risk.RiskProposalId;
import se.samverka.kernel.risk.RiskProposedEvent;
import se.samverka.kernel.risk.RiskReassessedEvent;
import se.samverka.kernel.risk.RiskRegisterId;
import se.samverka.kernel.risk.RiskRegisterOutcome;
import se.samverka.kernel.risk.RiskRegisteredEvent;
import se.samverka.kernel.risk.RiskReopenedEvent;
import se.samverka.kernel.risk.RiskState;
import se.samverka.kernel.risk.UpdateRiskActionCommand;
import se.samverka.kernel.workshop.ParticipantId;

/**
 * A project's risk register: its risks (R1, R2, … in the order they were registered), their
 * assessments, actions and states, the participants' proposals, and the joint estimates.
 *
 * <p>One aggregate per project, so the register numbers its risks without gaps or doubles and
 * every change gets the next register version, which clients see. The first registered or
 * proposed risk creates it. Handlers return a {@link RiskRegisterOutcome}: the id concerned and
 * the version that includes the change (the sequence number of the register's last event).
 */
@Aggregate
public class RiskRegister {
    static final int MAX_TEXT = 500;
    static final int MAX_OWNER = 120;
    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private RiskRegisterId registerId;
    private ProjectId projectId;
    private final Map<RiskId, Risk> risks = new LinkedHashMap<>();
    private final Map<RiskProposalId, Proposal> proposals = new LinkedHashMap<>();
    private long version = -1;

    private record Description(String threat, String vulnerability, String consequence, boolean actionNeeded,
                               String owner) {
    }

    private record Action(String description, String owner, LocalDate dueDate, RiskActionStatus status) {
    }

    /** A joint estimate: each participant's latest values, in the order they first gave one. */
    private record Estimate(boolean revealed, Map<ParticipantId, RiskAssessment> values) {
        Estimate with(ParticipantId participant, RiskAssessment assessment) {
            Map<ParticipantId, RiskAssessment> next = new LinkedHashMap<>(values);
            next.put(participant, assessment);
            return new Estimate(revealed, Collections.unmodifiableMap(next));
        }
    }

    private record Risk(RiskId id, Description description, RiskAssessment assessment, RiskState state,
                        Map<RiskActionId, Action> actions, Estimate estimate) {
        Risk withDescription(Description next) {
            return new Risk(id, next, assessment, state, actions, estimate);
        }

        Risk withAssessment(RiskAssessment next) {
            return new Risk(id, description, next, state, actions, estimate);
        }

        Risk withState(RiskState next) {
            return new Risk(id, description, assessment, next, actions, estimate);
        }

        Risk withAction(RiskActionId actionId, Action action) {
            Map<RiskActionId, Action> next = new LinkedHashMap<>(actions);
            next.put(actionId, action);
            return new Risk(id, description, assessment, state, Collections.unmodifiableMap(next), estimate);
        }

        Risk withEstimate(Estimate next) {
            return new Risk(id, description, assessment, state, actions, next);
        }
    }

    private enum ProposalState { PENDING, ACCEPTED, DECLINED }

    private record Proposal(Description description, RiskAssessment assessment, ProposalState state, RiskId riskId) {
    }

    protected RiskRegister() {
        // for Axon: event sourcing, and creation by the first risk registered or proposed
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RiskRegisterOutcome handle(RegisterRiskCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(command.projectId(), command.facilitator());
        Description description = describe(command.threat(), command.vulnerability(), command.consequence(),
                command.actionNeeded(), command.owner());
        RiskAssessment assessment = required(command.assessment());
        String reason = TextInput.optional("reason", command.reason(), MAX_REASON);
        RiskId riskId = RiskId.number(risks.size() + 1);
        apply(registered(command.projectId(), riskId, description, assessment, reason, null, command.facilitator(),
                clock.instant()));
        return outcome(riskId.value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(EditRiskCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = changeable(command.riskId());
        Description next = describe(command.threat(), command.vulnerability(), command.consequence(),
                command.actionNeeded(), command.owner());
        if (!next.equals(risk.description())) {
            apply(new RiskEditedEvent(projectId, risk.id(), next.threat(), next.vulnerability(), next.consequence(),
                    next.actionNeeded(), next.owner(), command.facilitator(), clock.instant()));
        }
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(ReassessRiskCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = changeable(command.riskId());
        RiskAssessment assessment = required(command.assessment());
        String reason = TextInput.required("reason", command.reason(), MAX_REASON);
        reassess(risk, assessment, reason, AssessmentBasis.FACILITATOR, command.facilitator(), clock.instant());
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(AddRiskActionCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = changeable(command.riskId());
        String description = TextInput.required("description", command.description(), MAX_TEXT);
        String owner = TextInput.optional("owner", command.owner(), MAX_OWNER);
        RiskActionId actionId = RiskActionId.number(risk.actions().size() + 1);
        apply(new RiskActionAddedEvent(projectId, risk.id(), actionId, description, owner, command.dueDate(),
                RiskActionStatus.PLANNED, command.facilitator(), clock.instant()));
        return outcome(actionId.value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(UpdateRiskActionCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = changeable(command.riskId());
        Action current = risk.actions().get(command.actionId());
        if (current == null) {
            throw DomainException.notFound("unknown-action",
                    risk.id() + " has no action " + command.actionId());
        }
        Action next = new Action(TextInput.required("description", command.description(), MAX_TEXT),
                TextInput.optional("owner", command.owner(), MAX_OWNER), command.dueDate(),
                Objects.requireNonNullElse(command.status(), current.status()));
        if (!next.equals(current)) {
            apply(new RiskActionUpdatedEvent(projectId, risk.id(), command.actionId(), next.description(), next.owner(),
                    next.dueDate(), next.status(), command.facilitator(), clock.instant()));
        }
        return outcome(command.actionId().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(MitigateRiskCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = known(command.riskId());
        String reason = TextInput.optional("reason", command.reason(), MAX_REASON);
        if (risk.state() == RiskState.CLOSED) {
            throw DomainException.conflict("risk-closed", risk.id() + " is closed; reopen it first");
        }
        if (risk.state() == RiskState.OPEN) {
            apply(new RiskMitigatedEvent(projectId, risk.id(), reason, command.facilitator(), clock.instant()));
        }
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(CloseRiskCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = known(command.riskId());
        String reason = TextInput.optional("reason", command.reason(), MAX_REASON);
        if (risk.state() != RiskState.CLOSED) {
            Instant now = clock.instant();
            if (risk.estimate() != null) {
                // A closed risk is estimated no more: the estimate ends with it, as its own event.
                apply(new RiskEstimateDiscardedEvent(projectId, risk.id(), command.facilitator(), now));
            }
            apply(new RiskClosedEvent(projectId, risk.id(), reason, command.facilitator(), now));
        }
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(ReopenRiskCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = known(command.riskId());
        String reason = TextInput.optional("reason", command.reason(), MAX_REASON);
        if (risk.state() != RiskState.OPEN) {
            apply(new RiskReopenedEvent(projectId, risk.id(), reason, command.facilitator(), clock.instant()));
        }
        return outcome(risk.id().value());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RiskRegisterOutcome handle(ProposeRiskCommand command, ProjectMembership members, Clock clock) {
        members.requireParticipant(command.projectId(), command.workshopId());
        Description description = describe(command.threat(), command.vulnerability(), command.consequence(),
                false, null);
        RiskAssessment assessment = required(command.assessment());
        RiskProposalId proposalId = RiskProposalId.number(proposals.size() + 1);
        apply(new RiskProposedEvent(command.projectId(), proposalId, description.threat(),
                description.vulnerability(), description.consequence(), assessment, command.workshopId(),
                command.participantId(), members.displayNameOf(command.workshopId(), command.participantId()),
                clock.instant()));
        return outcome(proposalId.value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(AcceptRiskProposalCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Proposal proposal = proposal(command.proposalId());
        switch (proposal.state()) {
            case ACCEPTED -> {
                return outcome(proposal.riskId().value()); // accepted before: a retry changes nothing
            }
            case DECLINED -> throw DomainException.conflict("proposal-declined",
                    command.proposalId() + " was declined");
            case PENDING -> {
                // the proposal becomes a risk below
            }
        }
        RiskId riskId = RiskId.number(risks.size() + 1);
        Instant now = clock.instant();
        apply(new RiskProposalAcceptedEvent(projectId, command.proposalId(), riskId, command.facilitator(), now));
        apply(registered(projectId, riskId, proposal.description(), proposal.assessment(), null,
                command.proposalId(), command.facilitator(), now));
        return outcome(riskId.value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(DeclineRiskProposalCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Proposal proposal = proposal(command.proposalId());
        String reason = TextInput.optional("reason", command.reason(), MAX_REASON);
        if (proposal.state() == ProposalState.ACCEPTED) {
            throw DomainException.conflict("proposal-accepted",
                    command.proposalId() + " was accepted as " + proposal.riskId());
        }
        if (proposal.state() == ProposalState.PENDING) {
            apply(new RiskProposalDeclinedEvent(projectId, command.proposalId(), reason, command.facilitator(),
                    clock.instant()));
        }
        return outcome(command.proposalId().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(OpenRiskEstimateCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = changeable(command.riskId());
        if (risk.estimate() != null && risk.estimate().revealed()) {
            throw DomainException.conflict("estimate-revealed",
                    "the estimate of " + risk.id() + " is revealed; adopt a value or discard it first");
        }
        if (risk.estimate() == null) {
            apply(new RiskEstimateOpenedEvent(projectId, risk.id(), command.facilitator(), clock.instant()));
        }
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(GiveRiskEstimateCommand command, ProjectMembership members, Clock clock) {
        members.requireParticipant(projectId, command.workshopId());
        Risk risk = known(command.riskId());
        RiskAssessment assessment = required(command.assessment());
        if (risk.estimate() == null) {
            throw DomainException.conflict("no-open-estimate", risk.id() + " has no open estimate");
        }
        if (risk.estimate().revealed()) {
            throw DomainException.conflict("estimate-revealed",
                    "the estimate of " + risk.id() + " is revealed; it takes no more estimates");
        }
        if (!assessment.equals(risk.estimate().values().get(command.participantId()))) {
            apply(new RiskEstimateGivenEvent(projectId, risk.id(), command.participantId(), assessment,
                    clock.instant()));
        }
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(RevealRiskEstimateCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = known(command.riskId());
        Estimate estimate = risk.estimate();
        if (estimate == null) {
            throw DomainException.conflict("no-open-estimate", risk.id() + " has no open estimate");
        }
        if (!estimate.revealed()) {
            if (estimate.values().isEmpty()) {
                throw DomainException.conflict("no-estimates", "nobody has estimated " + risk.id() + " yet");
            }
            List<RiskEstimateValue> values = new ArrayList<>();
            estimate.values().forEach((participant, assessment) ->
                    values.add(new RiskEstimateValue(participant, assessment)));
            apply(new RiskEstimateRevealedEvent(projectId, risk.id(), List.copyOf(values), command.facilitator(),
                    clock.instant()));
        }
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(AdoptRiskEstimateCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = changeable(command.riskId());
        RiskAssessment assessment = required(command.assessment());
        String reason = TextInput.optional("reason", command.reason(), MAX_REASON);
        if (risk.estimate() == null) {
            throw DomainException.conflict("no-open-estimate", risk.id() + " has no estimate to adopt");
        }
        if (!risk.estimate().revealed()) {
            throw DomainException.conflict("estimate-sealed",
                    "the estimate of " + risk.id() + " is sealed; reveal it before adopting a value");
        }
        Instant now = clock.instant();
        apply(new RiskEstimateAdoptedEvent(projectId, risk.id(), assessment, command.facilitator(), now));
        reassess(risks.get(risk.id()), assessment, reason, AssessmentBasis.JOINT_ESTIMATE, command.facilitator(),
                now);
        return outcome(risk.id().value());
    }

    @CommandHandler
    public RiskRegisterOutcome handle(DiscardRiskEstimateCommand command, ProjectMembership members, Clock clock) {
        members.requireFacilitator(projectId, command.facilitator());
        Risk risk = known(command.riskId());
        if (risk.estimate() != null) {
            apply(new RiskEstimateDiscardedEvent(projectId, risk.id(), command.facilitator(), clock.instant()));
        }
        return outcome(risk.id().value());
    }

    /** A reassessment, and its escalation exactly when it raises the risk's level. */
    private void reassess(Risk risk, RiskAssessment next, String reason, AssessmentBasis basis, String by,
                          Instant at) {
        RiskAssessment previous = risk.assessment();
        apply(new RiskReassessedEvent(projectId, risk.id(), next, previous, reason, basis, by, at));
        RiskLevel level = next.level();
        if (level.escalatesFrom(previous.level())) {
            apply(new RiskEscalatedEvent(projectId, risk.id(), previous.level(), level, level.decidedBy(), next, at));
        }
    }

    private static RiskRegisteredEvent registered(ProjectId projectId, RiskId riskId, Description description,
                                                  RiskAssessment assessment, String reason,
                                                  RiskProposalId fromProposal, String by, Instant at) {
        return new RiskRegisteredEvent(projectId, riskId, description.threat(), description.vulnerability(),
                description.consequence(), assessment, description.actionNeeded(), description.owner(), reason,
                fromProposal, by, at);
    }

    private RiskRegisterOutcome outcome(String id) {
        return new RiskRegisterOutcome(id, version);
    }

    private Risk known(RiskId riskId) {
        Risk risk = riskId == null ? null : risks.get(riskId);
        if (risk == null) {
            throw DomainException.notFound("unknown-risk", "the register has no risk " + riskId);
        }
        return risk;
    }

    /** A risk that may still change: closed ones are kept as they were closed, until reopened. */
    private Risk changeable(RiskId riskId) {
        Risk risk = known(riskId);
        if (risk.state() == RiskState.CLOSED) {
            throw DomainException.conflict("risk-closed", risk.id() + " is closed; reopen it first");
        }
        return risk;
    }

    private Proposal proposal(RiskProposalId proposalId) {
        Proposal proposal = proposalId == null ? null : proposals.get(proposalId);
        if (proposal == null) {
            throw DomainException.notFound("unknown-proposal", "the register has no proposal " + proposalId);
        }
        return proposal;
    }

    private static Description describe(String threat, String vulnerability, String consequence,
                                        boolean actionNeeded, String owner) {
        return new Description(TextInput.required("threat", threat, MAX_TEXT),
                TextInput.optional("vulnerability", vulnerability, MAX_TEXT),
                TextInput.optional("consequence", consequence, MAX_TEXT), actionNeeded,
                TextInput.optional("owner", owner, MAX_OWNER));
    }

    private static RiskAssessment required(RiskAssessment assessment) {
        if (assessment == null) {
            throw TextInput.invalid("assessment", "probability (S) and consequence (K) are required");
        }
        return assessment;
    }


    @EventSourcingHandler
    void on(RiskRegisteredEvent event, @SequenceNumber long sequence) {
        created(event.projectId());
        risks.put(event.riskId(), new Risk(event.riskId(), new Description(event.threat(), event.vulnerability(),
                event.consequence(), event.actionNeeded(), event.owner()), event.assessment(), RiskState.OPEN,
                Map.of(), null));
        version = sequence;
    }

    @EventSourcingHandler
    void on(RiskEditedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withDescription(new Description(event.threat(), event.vulnerability(),
                event.consequence(), event.actionNeeded(), event.owner())), sequence);
    }

    @EventSourcingHandler
    void on(RiskReassessedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withAssessment(event.assessment()), sequence);
    }

    @EventSourcingHandler
    void on(RiskEscalatedEvent event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(RiskActionAddedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withAction(event.actionId(),
                new Action(event.description(), event.owner(), event.dueDate(), event.status())), sequence);
    }

    @EventSourcingHandler
    void on(RiskActionUpdatedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withAction(event.actionId(),
                new Action(event.description(), event.owner(), event.dueDate(), event.status())), sequence);
    }

    @EventSourcingHandler
    void on(RiskMitigatedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withState(RiskState.MITIGATED), sequence);
    }

    @EventSourcingHandler
    void on(RiskClosedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withState(RiskState.CLOSED), sequence);
    }

    @EventSourcingHandler
    void on(RiskReopenedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withState(RiskState.OPEN), sequence);
    }

    @EventSourcingHandler
    void on(RiskProposedEvent event, @SequenceNumber long sequence) {
        created(event.projectId());
        proposals.put(event.proposalId(), new Proposal(new Description(event.threat(), event.vulnerability(),
                event.consequence(), false, null), event.assessment(), ProposalState.PENDING, null));
        version = sequence;
    }

    @EventSourcingHandler
    void on(RiskProposalAcceptedEvent event, @SequenceNumber long sequence) {
        Proposal proposal = proposals.get(event.proposalId());
        proposals.put(event.proposalId(), new Proposal(proposal.description(), proposal.assessment(),
                ProposalState.ACCEPTED, event.riskId()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(RiskProposalDeclinedEvent event, @SequenceNumber long sequence) {
        Proposal proposal = proposals.get(event.proposalId());
        proposals.put(event.proposalId(), new Proposal(proposal.description(), proposal.assessment(),
                ProposalState.DECLINED, null));
        version = sequence;
    }

    @EventSourcingHandler
    void on(RiskEstimateOpenedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withEstimate(new Estimate(false, Map.of())), sequence);
    }

    @EventSourcingHandler
    void on(RiskEstimateGivenEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withEstimate(risk.estimate().with(event.participantId(),
                event.assessment())), sequence);
    }

    @EventSourcingHandler
    void on(RiskEstimateRevealedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withEstimate(new Estimate(true, risk.estimate().values())), sequence);
    }

    @EventSourcingHandler
    void on(RiskEstimateAdoptedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withEstimate(null), sequence);
    }

    @EventSourcingHandler
    void on(RiskEstimateDiscardedEvent event, @SequenceNumber long sequence) {
        change(event.riskId(), risk -> risk.withEstimate(null), sequence);
    }

    private void created(ProjectId project) {
        if (registerId == null) {
            registerId = RiskRegisterId.of(project);
            projectId = project;
        }
    }

    private void change(RiskId riskId, UnaryOperator<Risk> change, long sequence) {
        risks.computeIfPresent(riskId, (id, risk) -> change.apply(risk));
        version = sequence;
    }
}
