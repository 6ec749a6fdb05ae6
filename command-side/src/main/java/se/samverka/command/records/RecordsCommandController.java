package se.samverka.command.records;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.command.web.CommandSender;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.AddPlanVersionCommand;
import se.samverka.kernel.records.RecordsOutcome;
import se.samverka.kernel.records.RemoveActivityCommand;
import se.samverka.kernel.records.ReportStatusCommand;
import se.samverka.kernel.records.SetActivityCommand;
import se.samverka.kernel.records.SetMilestoneCommand;
import se.samverka.kernel.records.SetOrganisationsCommand;
import se.samverka.kernel.records.SetProjectFactsCommand;
import se.samverka.kernel.records.StatusRow;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The project records' commands (facilitator only): facts, plan versions, milestones, one status
 * report per meeting, the timeline's activities. Dates are ISO (2020-09-25); one that does not parse is a 400 problem.
 * Plan versions change state only through a plan-approval decision.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/records")
public class RecordsCommandController {
    private final CommandSender commands;

    public RecordsCommandController(CommandSender commands) {
        this.commands = commands;
    }

    public record FactsRequest(@NotBlank String name, String goal, Long totalCostSek, List<String> financing,
                               String municipalContribution, LocalDate startDate, LocalDate endDate,
                               List<String> deliverables) {
    }

    public record PlanVersionRequest(@NotBlank String version, String note) {
    }

    public record MilestoneRequest(@NotBlank String name, LocalDate planned, LocalDate due, LocalDate reachedOn) {
    }

    public record StatusReportRequest(LocalDate reportedOn, @NotNull List<StatusRow> rows) {
    }

    public record ActivityRequest(@NotBlank String name, @NotBlank String startWeek, @NotBlank String endWeek) {
    }

    public record OrganisationsRequest(@NotNull List<String> organisations, Boolean allowOther) {
    }

    /** Adds or changes a timeline activity; weeks are ISO weeks such as 2020-W41. */
    @PutMapping("/activities/{activityId}")
    public RecordsOutcome activity(Caller caller, @PathVariable String projectId, @PathVariable String activityId,
                                   @Valid @RequestBody ActivityRequest r) {
        return commands.send(new SetActivityCommand(projectId(projectId), caller.requireFacilitator().subject(),
                activityId, r.name(), r.startWeek(), r.endWeek()), caller);
    }

    /** Takes an activity off the timeline; 404 for one it does not have. */
    @DeleteMapping("/activities/{activityId}")
    public RecordsOutcome removeActivity(Caller caller, @PathVariable String projectId,
                                         @PathVariable String activityId) {
        return commands.send(new RemoveActivityCommand(projectId(projectId), caller.requireFacilitator().subject(),
                activityId), caller);
    }

    /** The member organisations participants pick from when joining; free text only with allowOther. */
    @PutMapping("/organisations")
    public RecordsOutcome organisations(Caller caller, @PathVariable String projectId,
                                        @Valid @RequestBody OrganisationsRequest r) {
        return commands.send(new SetOrganisationsCommand(projectId(projectId), caller.requireFacilitator().subject(),
                r.organisations(), Boolean.TRUE.equals(r.allowOther())), caller);
    }

    @PutMapping("/facts")
    public RecordsOutcome facts(Caller caller, @PathVariable String projectId, @Valid @RequestBody FactsRequest r) {
        return commands.send(new SetProjectFactsCommand(projectId(projectId), caller.requireFacilitator().subject(),
                r.name(), r.goal(), r.totalCostSek(), r.financing(), r.municipalContribution(), r.startDate(),
                r.endDate(), r.deliverables()), caller);
    }

    @PostMapping("/plan-versions")
    public ResponseEntity<RecordsOutcome> planVersion(Caller caller, @PathVariable String projectId,
                                                      @Valid @RequestBody PlanVersionRequest r) {
        return ResponseEntity.status(201).body(commands.send(new AddPlanVersionCommand(projectId(projectId),
                caller.requireFacilitator().subject(), r.version(), r.note()), caller));
    }

    @PutMapping("/milestones/{milestoneId}")
    public RecordsOutcome milestone(Caller caller, @PathVariable String projectId, @PathVariable String milestoneId,
                                    @Valid @RequestBody MilestoneRequest r) {
        return commands.send(new SetMilestoneCommand(projectId(projectId), caller.requireFacilitator().subject(),
                milestoneId, r.name(), r.planned(), r.due(), r.reachedOn()), caller);
    }

    @PutMapping("/status-reports/{workshopId}")
    public RecordsOutcome statusReport(Caller caller, @PathVariable String projectId, @PathVariable String workshopId,
                                       @Valid @RequestBody StatusReportRequest r) {
        if (!Ids.isSafe(workshopId)) {
            throw DomainException.notFound("unknown-workshop", "the project has no such meeting");
        }
        return commands.send(new ReportStatusCommand(projectId(projectId), caller.requireFacilitator().subject(),
                new WorkshopId(workshopId), r.reportedOn(), r.rows()), caller);
    }

    private static ProjectId projectId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-project", "no such project");
        }
        return new ProjectId(raw);
    }
}
