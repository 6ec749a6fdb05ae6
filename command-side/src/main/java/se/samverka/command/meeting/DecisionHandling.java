package se.samverka.command.meeting;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.samverka.command.records.ProjectRecordsAccess;
import se.samverka.command.risk.ProjectMembership;
import se.samverka.kernel.meeting.CloseDecisionCommand;
import se.samverka.kernel.meeting.DecisionClosedEvent;
import se.samverka.kernel.meeting.DecisionEvidence;
import se.samverka.kernel.meeting.DecisionKind;
import se.samverka.kernel.meeting.DecisionOption;
import se.samverka.kernel.meeting.DecisionResult;
import se.samverka.kernel.meeting.MeetingOutcome;
import se.samverka.kernel.meeting.OpenDecisionCommand;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.ApprovePlanCommand;
import se.samverka.kernel.records.PlanState;
import se.samverka.kernel.risk.RiskRegisterId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Opens and closes decisions, the two meeting commands that also concern the project's
 * records: a plan approval names a plan version that must exist and be undecided, and closing
 * it executes *approve plan* on the records in the same unit of work, so the decision and the
 * plan version's new state are stored together or not at all. Closing also records the
 * evidence: the versions of the risk register and of the records at that moment.
 */
@Component
public class DecisionHandling {
    private final Repository<Meeting> meetings;
    private final ProjectRecordsAccess records;
    private final EventStore events;

    public DecisionHandling(Repository<Meeting> meetings, ProjectRecordsAccess records, EventStore events) {
        this.meetings = meetings;
        this.records = records;
        this.events = events;
    }

    @CommandHandler
    public MeetingOutcome handle(OpenDecisionCommand command, ProjectMembership membership, Clock clock)
            throws Exception {
        Aggregate<Meeting> meeting = meetings.loadOrCreate(command.meetingId().value(), Meeting::new);
        if (command.kind() == DecisionKind.PLAN_APPROVAL) {
            ProjectId project = membership.workshopCreated(command.workshopId()).projectId();
            PlanState state = records.planState(project, command.planVersion());
            if (state == null) {
                throw DomainException.notFound("unknown-plan-version", "the project has no such plan version");
            }
            if (state == PlanState.APPROVED || state == PlanState.STOPPED) {
                throw DomainException.conflict("plan-version-decided", "plan version " + command.planVersion()
                        + " is " + state.name().toLowerCase() + " already");
            }
        }
        return meeting.invoke(m -> m.open(command, membership, clock));
    }

    @CommandHandler
    public MeetingOutcome handle(CloseDecisionCommand command, Clock clock) {
        Aggregate<Meeting> meeting = meetings.load(command.meetingId().value());
        Meeting.Decision decision = meeting.invoke(m -> m.toClose(command.decisionId(), command.facilitator()));
        if (!decision.open()) {
            return meeting.invoke(m -> m.outcome(decision.id())); // closed before: a retry changes nothing
        }
        ProjectId project = meeting.invoke(Meeting::projectId);
        WorkshopId workshop = meeting.invoke(Meeting::workshopId);
        Long riskVersion = lastSequence(RiskRegisterId.of(project).value());
        DecisionEvidence evidence = new DecisionEvidence(riskVersion, records.version(project),
                Optional.ofNullable(records.statusReportFor(project, workshop)).map(WorkshopId::value).orElse(null));
        DecisionClosedEvent closed = meeting.invoke(m -> m.close(decision.id(), command.facilitator(), evidence,
                clock));
        if (decision.kind() == DecisionKind.PLAN_APPROVAL && closed.result() == DecisionResult.DECIDED) {
            records.approvePlan(new ApprovePlanCommand(project, decision.planVersion(), planState(closed.outcome()),
                    workshop, decision.id()), clock);
        }
        return meeting.invoke(m -> m.outcome(decision.id()));
    }

    /** Fortsätt → approved, Tillbaka → returned, Stopp / avsluta → stopped. */
    static PlanState planState(String optionId) {
        return switch (optionId) {
            case DecisionOption.CONTINUE -> PlanState.APPROVED;
            case DecisionOption.BACK -> PlanState.RETURNED;
            case DecisionOption.STOP -> PlanState.STOPPED;
            default -> throw new IllegalStateException("a plan approval has no option " + optionId);
        };
    }

    private Long lastSequence(String aggregateIdentifier) {
        return events.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
    }
}
