package se.samverka.command.records;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.command.risk.ProjectMembership;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.problem.TextInput;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.ActivityRemovedEvent;
import se.samverka.kernel.records.ActivitySetEvent;
import se.samverka.kernel.records.AddPlanVersionCommand;
import se.samverka.kernel.records.IsoWeeks;
import se.samverka.kernel.records.OrganisationsSetEvent;
import se.samverka.kernel.records.RemoveActivityCommand;
import se.samverka.kernel.records.SetActivityCommand;
import se.samverka.kernel.records.SetOrganisationsCommand;
import se.samverka.kernel.records.ApprovePlanCommand;
import se.samverka.kernel.records.MilestoneSetEvent;
import se.samverka.kernel.records.PlanState;
import se.samverka.kernel.records.PlanVersionAddedEvent;
import se.samverka.kernel.records.PlanVersionDecidedEvent;
import se.samverka.kernel.records.ProjectFactsSetEvent;
import se.samverka.kernel.records.ProjectRecordsEvent;
import se.samverka.kernel.records.ProjectRecordsId;
import se.samverka.kernel.records.RecordsOutcome;
import se.samverka.kernel.records.ReportStatusCommand;
import se.samverka.kernel.records.SetMilestoneCommand;
import se.samverka.kernel.records.SetProjectFactsCommand;
import se.samverka.kernel.records.StatusReportedEvent;
import se.samverka.kernel.records.StatusRow;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * A project's own records: its facts, plan versions and their states, milestones, and one
 * status report per meeting. One aggregate per project ({@code <projectId>-records}); the first
 * command creates it. Every event carries the project, so the records join its audit trail.
 */
@Aggregate
public class ProjectRecords {
    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_ROWS = 20;
    /** As long as a participant's organisation may be (the workshop's limit). */
    static final int ORGANISATION_NAME = 120;
    static final Pattern PLAN_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.]{0,15}");
    static final Pattern MILESTONE = Pattern.compile("M[0-9]{1,3}");
    static final Pattern ACTIVITY = Pattern.compile("A[0-9]{1,3}");
    static final int MAX_ACTIVITIES = 100;
    static final int MAX_ORGANISATIONS = 200;

    @AggregateIdentifier
    private ProjectRecordsId recordsId;
    private ProjectId projectId;
    private ProjectFactsSetEvent facts;
    private final Map<String, PlanState> plans = new LinkedHashMap<>();
    private final Map<String, MilestoneSetEvent> milestones = new LinkedHashMap<>();
    private final Map<WorkshopId, List<StatusRow>> reports = new LinkedHashMap<>();
    private WorkshopId lastReported;
    private final Map<String, ActivitySetEvent> activities = new LinkedHashMap<>();
    private OrganisationsSetEvent organisations;
    private long version = -1;

    protected ProjectRecords() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordsOutcome handle(SetProjectFactsCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        String name = TextInput.required("name", command.name(), MAX_NAME);
        if (command.totalCostSek() != null && command.totalCostSek() < 0) {
            throw invalid("totalCostSek", "a cost is not negative");
        }
        requireOrder("endDate", command.startDate(), command.endDate());
        ProjectFactsSetEvent next = new ProjectFactsSetEvent(command.projectId(), name,
                TextInput.optional("goal", command.goal(), MAX_TEXT), command.totalCostSek(),
                texts("financing", command.financing()), TextInput.optional("municipalContribution",
                command.municipalContribution(), MAX_NAME), command.startDate(), command.endDate(),
                texts("deliverables", command.deliverables()), command.facilitator(), clock.instant());
        if (facts == null || !sameFacts(facts, next)) {
            apply(next);
        }
        return outcome("facts");
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordsOutcome handle(AddPlanVersionCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        if (command.version() == null || !PLAN_VERSION.matcher(command.version()).matches()) {
            throw invalid("version", "a plan version is like 0.2");
        }
        if (!plans.containsKey(command.version())) {
            apply(new PlanVersionAddedEvent(command.projectId(), command.version(),
                    TextInput.optional("note", command.note(), MAX_TEXT), command.facilitator(), clock.instant()));
        }
        return outcome(command.version());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordsOutcome handle(SetMilestoneCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        if (command.milestoneId() == null || !MILESTONE.matcher(command.milestoneId()).matches()) {
            throw DomainException.notFound("unknown-milestone", "a milestone id is M1, M2, …");
        }
        requireOrder("due", command.planned(), command.due());
        MilestoneSetEvent next = new MilestoneSetEvent(command.projectId(), command.milestoneId(),
                TextInput.required("name", command.name(), MAX_NAME), command.planned(), command.due(),
                command.reachedOn(), command.facilitator(), clock.instant());
        MilestoneSetEvent current = milestones.get(command.milestoneId());
        if (current == null || !(current.name().equals(next.name()) && Objects.equals(current.planned(), next.planned())
                && Objects.equals(current.due(), next.due()) && Objects.equals(current.reachedOn(), next.reachedOn()))) {
            apply(next);
        }
        return outcome(command.milestoneId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordsOutcome handle(ReportStatusCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        if (command.workshopId() == null
                || !membership.workshopCreated(command.workshopId()).projectId().equals(command.projectId())) {
            throw DomainException.notFound("unknown-workshop", "the project has no such meeting");
        }
        List<StatusRow> rows = command.rows() == null ? List.of() : command.rows();
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw invalid("rows", "a status report has 1 to " + MAX_ROWS + " areas");
        }
        List<StatusRow> cleaned = rows.stream().map(row -> {
            if (row == null || row.light() == null) {
                throw invalid("light", "every area has a traffic light");
            }
            return new StatusRow(TextInput.required("area", row.area(), MAX_NAME), row.light(),
                    TextInput.optional("deviation", row.deviation(), MAX_TEXT),
                    TextInput.optional("action", row.action(), MAX_TEXT),
                    row.done());
        }).toList();
        if (!cleaned.equals(reports.get(command.workshopId()))) {
            apply(new StatusReportedEvent(command.projectId(), command.workshopId(),
                    command.reportedOn() == null ? LocalDate.now(clock) : command.reportedOn(), cleaned,
                    command.facilitator(), clock.instant()));
        }
        return outcome(command.workshopId().value());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordsOutcome handle(SetActivityCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        if (command.activityId() == null || !ACTIVITY.matcher(command.activityId()).matches()) {
            throw DomainException.notFound("unknown-activity", "an activity id is A1, A2, …");
        }
        LocalDate start = IsoWeeks.monday(command.startWeek()).orElseThrow(() -> invalid("startWeek",
                "startWeek is an ISO week such as 2020-W41"));
        LocalDate end = IsoWeeks.monday(command.endWeek()).orElseThrow(() -> invalid("endWeek",
                "endWeek is an ISO week such as 2021-W04"));
        if (end.isBefore(start)) {
            throw invalid("endWeek", "endWeek " + command.endWeek().strip() + " comes before "
                    + command.startWeek().strip());
        }
        if (!activities.containsKey(command.activityId()) && activities.size() >= MAX_ACTIVITIES) {
            throw invalid("activityId", "a timeline has at most " + MAX_ACTIVITIES + " activities");
        }
        ActivitySetEvent next = new ActivitySetEvent(command.projectId(), command.activityId(),
                TextInput.required("name", command.name(), MAX_NAME), IsoWeeks.of(start), IsoWeeks.of(end),
                command.facilitator(), clock.instant());
        ActivitySetEvent current = activities.get(command.activityId());
        if (current == null || !(current.name().equals(next.name()) && current.startWeek().equals(next.startWeek())
                && current.endWeek().equals(next.endWeek()))) {
            apply(next);
        }
        return outcome(command.activityId());
    }

    /** Takes an activity off the timeline; one the timeline does not have is refused (404), not ignored. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordsOutcome handle(RemoveActivityCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        ActivitySetEvent current = command.activityId() == null ? null : activities.get(command.activityId());
        if (current == null) {
            throw DomainException.notFound("unknown-activity", "the timeline has no activity " + command.activityId());
        }
        apply(new ActivityRemovedEvent(command.projectId(), current.activityId(), current.name(),
                current.startWeek(), current.endWeek(), command.facilitator(), clock.instant()));
        return outcome(command.activityId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordsOutcome handle(SetOrganisationsCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        List<String> given = command.organisations() == null ? List.of() : command.organisations();
        if (given.size() > MAX_ORGANISATIONS) {
            throw invalid("organisations", "at most " + MAX_ORGANISATIONS + " organisations");
        }
        List<String> names = new java.util.ArrayList<>();
        for (String name : given) {
            String cleaned = TextInput.required("organisations", name, ORGANISATION_NAME);
            if (names.stream().anyMatch(cleaned::equalsIgnoreCase)) {
                throw invalid("organisations", "'" + cleaned + "' is in the list twice");
            }
            names.add(cleaned);
        }
        if (organisations == null ? !names.isEmpty() || !command.allowOther()
                : !(organisations.organisations().equals(names) && organisations.allowOther() == command.allowOther())) {
            apply(new OrganisationsSetEvent(command.projectId(), List.copyOf(names), command.allowOther(),
                    command.facilitator(), clock.instant()));
        }
        return outcome("organisations");
    }

    /** *Approve plan*: executed when a plan-approval decision closes with an outcome. */
    void approvePlan(ApprovePlanCommand command, Clock clock) {
        PlanState current = plans.get(command.version());
        if (current == null) {
            throw DomainException.notFound("unknown-plan-version", "the project has no plan version "
                    + command.version());
        }
        if (current != command.state()) {
            apply(new PlanVersionDecidedEvent(projectId, command.version(), command.state(), command.workshopId(),
                    command.decisionId(), clock.instant()));
        }
    }

    /** The state of a plan version, or null when the project has none such. */
    PlanState planState(String planVersion) {
        return plans.get(planVersion);
    }

    /** The meeting whose status report was on the table: this meeting's if it has one, else the latest. */
    WorkshopId statusReportFor(WorkshopId meeting) {
        return reports.containsKey(meeting) ? meeting : lastReported;
    }

    long version() {
        return version;
    }

    private RecordsOutcome outcome(String id) {
        return new RecordsOutcome(id, version);
    }

    private static boolean sameFacts(ProjectFactsSetEvent a, ProjectFactsSetEvent b) {
        return a.name().equals(b.name()) && Objects.equals(a.goal(), b.goal())
                && Objects.equals(a.totalCostSek(), b.totalCostSek()) && a.financing().equals(b.financing())
                && Objects.equals(a.municipalContribution(), b.municipalContribution())
                && Objects.equals(a.startDate(), b.startDate()) && Objects.equals(a.endDate(), b.endDate())
                && a.deliverables().equals(b.deliverables());
    }

    private static void requireOrder(String field, LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw invalid(field, field + " " + end + " comes before " + start);
        }
    }

    private static List<String> texts(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ROWS) {
            throw invalid(field, "at most " + MAX_ROWS + " " + field);
        }
        return values.stream().map(value -> TextInput.required(field, value, MAX_NAME)).toList();
    }

    private static DomainException invalid(String field, String message) {
        return TextInput.invalid(field, message);
    }

    @EventSourcingHandler
    void on(ProjectRecordsEvent event, @SequenceNumber long sequence) {
        version = sequence;
        if (recordsId == null) {
            recordsId = ProjectRecordsId.of(event.projectId());
            projectId = event.projectId();
        }
        if (event instanceof ProjectFactsSetEvent set) {
            facts = set;
        } else if (event instanceof PlanVersionAddedEvent added) {
            plans.put(added.version(), PlanState.DRAFT);
        } else if (event instanceof PlanVersionDecidedEvent decided) {
            plans.put(decided.version(), decided.state());
        } else if (event instanceof MilestoneSetEvent milestone) {
            milestones.put(milestone.milestoneId(), milestone);
        } else if (event instanceof StatusReportedEvent report) {
            reports.put(report.workshopId(), report.rows());
            lastReported = report.workshopId();
        } else if (event instanceof ActivitySetEvent activity) {
            activities.put(activity.activityId(), activity);
        } else if (event instanceof ActivityRemovedEvent removed) {
            activities.remove(removed.activityId());
        } else if (event instanceof OrganisationsSetEvent set) {
            organisations = set;
        }
    }
}
