package se.samverka.command.risk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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
import se.samverka.kernel.risk.AcceptRiskProposalCommand;
import se.samverka.kernel.risk.AddRiskActionCommand;
import se.samverka.kernel.risk.AdoptRiskEstimateCommand;
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
import se.samverka.kernel.risk.RiskActionId;
import se.samverka.kernel.risk.RiskActionStatus;
import se.samverka.kernel.risk.RiskAssessment;
import se.samverka.kernel.risk.RiskId;
import se.samverka.kernel.risk.RiskProposalId;
import se.samverka.kernel.risk.RiskRegisterOutcome;
import se.samverka.kernel.risk.UpdateRiskActionCommand;
import se.samverka.kernel.workshop.ParticipantId;

/**
 * The risk register's commands. Facilitator commands are refused to participants here; that
 * the facilitator runs the project, and that a participant's workshop belongs to it, the
 * register checks. Every answer is {@code {id, version}}. Reads live on the query side.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/risks")
public class RiskCommandController {
    private final CommandSender commands;

    public RiskCommandController(CommandSender commands) {
        this.commands = commands;
    }

    /** S and K are whole numbers 1–5; the value R = S × K is never taken from the client. */
    public record RiskRequest(@NotBlank @Size(max = RiskRegister.MAX_TEXT) String threat,
                              @Size(max = RiskRegister.MAX_TEXT) String vulnerability,
                              @Size(max = RiskRegister.MAX_TEXT) String consequence,
                              @NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer probability,
                              @NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer impact,
                              Boolean actionNeeded,
                              @Size(max = RiskRegister.MAX_OWNER) String owner,
                              @Size(max = RiskRegister.MAX_REASON) String reason) {
    }

    public record EditRiskRequest(@NotBlank @Size(max = RiskRegister.MAX_TEXT) String threat,
                                  @Size(max = RiskRegister.MAX_TEXT) String vulnerability,
                                  @Size(max = RiskRegister.MAX_TEXT) String consequence,
                                  @NotNull Boolean actionNeeded,
                                  @Size(max = RiskRegister.MAX_OWNER) String owner) {
    }

    public record AssessmentRequest(@NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer probability,
                                    @NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer impact,
                                    @NotBlank @Size(max = RiskRegister.MAX_REASON) String reason) {
    }

    public record ActionRequest(@NotBlank @Size(max = RiskRegister.MAX_TEXT) String description,
                                @Size(max = RiskRegister.MAX_OWNER) String owner,
                                LocalDate dueDate) {
    }

    public record UpdateActionRequest(@NotBlank @Size(max = RiskRegister.MAX_TEXT) String description,
                                      @Size(max = RiskRegister.MAX_OWNER) String owner,
                                      LocalDate dueDate,
                                      @NotNull RiskActionStatus status) {
    }

    public record ReasonRequest(@Size(max = RiskRegister.MAX_REASON) String reason) {
        static final ReasonRequest NONE = new ReasonRequest(null);
    }

    public record ProposalRequest(@NotBlank @Size(max = RiskRegister.MAX_TEXT) String threat,
                                  @Size(max = RiskRegister.MAX_TEXT) String vulnerability,
                                  @Size(max = RiskRegister.MAX_TEXT) String consequence,
                                  @NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer probability,
                                  @NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer impact) {
    }

    public record EstimateRequest(@NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer probability,
                                  @NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer impact) {
    }

    public record AdoptRequest(@NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer probability,
                               @NotNull @Min(RiskAssessment.MIN) @Max(RiskAssessment.MAX) Integer impact,
                               @Size(max = RiskRegister.MAX_REASON) String reason) {
    }

    @PostMapping
    public ResponseEntity<RiskRegisterOutcome> register(Caller caller, @PathVariable String projectId,
                                                        @Valid @RequestBody RiskRequest request) {
        ProjectId project = projectId(projectId);
        RiskRegisterOutcome outcome = commands.send(new RegisterRiskCommand(project,
                caller.requireFacilitator().subject(), request.threat(), request.vulnerability(),
                request.consequence(), new RiskAssessment(request.probability(), request.impact()),
                Boolean.TRUE.equals(request.actionNeeded()), request.owner(), request.reason()), caller);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/risks/" + outcome.id()))
                .body(outcome);
    }

    @PutMapping("/{riskId}")
    public RiskRegisterOutcome edit(Caller caller, @PathVariable String projectId, @PathVariable String riskId,
                                    @Valid @RequestBody EditRiskRequest request) {
        return commands.send(new EditRiskCommand(projectId(projectId), caller.requireFacilitator().subject(),
                riskId(riskId), request.threat(), request.vulnerability(), request.consequence(),
                request.actionNeeded(), request.owner()), caller);
    }

    @PostMapping("/{riskId}/assessments")
    public ResponseEntity<RiskRegisterOutcome> reassess(Caller caller, @PathVariable String projectId,
                                                        @PathVariable String riskId,
                                                        @Valid @RequestBody AssessmentRequest request) {
        return ResponseEntity.status(201).body(commands.send(new ReassessRiskCommand(projectId(projectId),
                caller.requireFacilitator().subject(), riskId(riskId),
                new RiskAssessment(request.probability(), request.impact()), request.reason()), caller));
    }

    @PostMapping("/{riskId}/actions")
    public ResponseEntity<RiskRegisterOutcome> addAction(Caller caller, @PathVariable String projectId,
                                                         @PathVariable String riskId,
                                                         @Valid @RequestBody ActionRequest request) {
        ProjectId project = projectId(projectId);
        RiskId risk = riskId(riskId);
        RiskRegisterOutcome outcome = commands.send(new AddRiskActionCommand(project,
                caller.requireFacilitator().subject(), risk, request.description(), request.owner(),
                request.dueDate()), caller);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/risks/" + risk + "/actions/"
                + outcome.id())).body(outcome);
    }

    @PutMapping("/{riskId}/actions/{actionId}")
    public RiskRegisterOutcome updateAction(Caller caller, @PathVariable String projectId,
                                            @PathVariable String riskId, @PathVariable String actionId,
                                            @Valid @RequestBody UpdateActionRequest request) {
        if (!RiskActionId.isValid(actionId)) {
            throw DomainException.notFound("unknown-action", "the risk has no such action");
        }
        return commands.send(new UpdateRiskActionCommand(projectId(projectId), caller.requireFacilitator().subject(),
                riskId(riskId), new RiskActionId(actionId), request.description(), request.owner(),
                request.dueDate(), request.status()), caller);
    }

    @PostMapping("/{riskId}/mitigate")
    public RiskRegisterOutcome mitigate(Caller caller, @PathVariable String projectId, @PathVariable String riskId,
                                        @Valid @RequestBody(required = false) ReasonRequest request) {
        return commands.send(new MitigateRiskCommand(projectId(projectId), caller.requireFacilitator().subject(),
                riskId(riskId), reason(request)), caller);
    }

    @PostMapping("/{riskId}/close")
    public RiskRegisterOutcome close(Caller caller, @PathVariable String projectId, @PathVariable String riskId,
                                     @Valid @RequestBody(required = false) ReasonRequest request) {
        return commands.send(new CloseRiskCommand(projectId(projectId), caller.requireFacilitator().subject(),
                riskId(riskId), reason(request)), caller);
    }

    @PostMapping("/{riskId}/reopen")
    public RiskRegisterOutcome reopen(Caller caller, @PathVariable String projectId, @PathVariable String riskId,
                                      @Valid @RequestBody(required = false) ReasonRequest request) {
        return commands.send(new ReopenRiskCommand(projectId(projectId), caller.requireFacilitator().subject(),
                riskId(riskId), reason(request)), caller);
    }

    @PostMapping("/proposals")
    public ResponseEntity<RiskRegisterOutcome> propose(Caller caller, @PathVariable String projectId,
                                                       @Valid @RequestBody ProposalRequest request) {
        ProjectId project = projectId(projectId);
        ParticipantId participant = caller.participantId();
        RiskRegisterOutcome outcome = commands.send(new ProposeRiskCommand(project, caller.workshopId(), participant,
                request.threat(), request.vulnerability(), request.consequence(),
                new RiskAssessment(request.probability(), request.impact())), caller);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/risks/proposals/"
                + outcome.id())).body(outcome);
    }

    @PostMapping("/proposals/{proposalId}/accept")
    public RiskRegisterOutcome accept(Caller caller, @PathVariable String projectId,
                                      @PathVariable String proposalId) {
        return commands.send(new AcceptRiskProposalCommand(projectId(projectId), caller.requireFacilitator().subject(),
                proposalId(proposalId)), caller);
    }

    @PostMapping("/proposals/{proposalId}/decline")
    public RiskRegisterOutcome decline(Caller caller, @PathVariable String projectId,
                                       @PathVariable String proposalId,
                                       @Valid @RequestBody(required = false) ReasonRequest request) {
        return commands.send(new DeclineRiskProposalCommand(projectId(projectId),
                caller.requireFacilitator().subject(), proposalId(proposalId), reason(request)), caller);
    }

    @PostMapping("/{riskId}/estimate")
    public ResponseEntity<RiskRegisterOutcome> openEstimate(Caller caller, @PathVariable String projectId,
                                                            @PathVariable String riskId) {
        return ResponseEntity.status(201).body(commands.send(new OpenRiskEstimateCommand(projectId(projectId),
                caller.requireFacilitator().subject(), riskId(riskId)), caller));
    }

    @PutMapping("/{riskId}/estimate/mine")
    public RiskRegisterOutcome estimate(Caller caller, @PathVariable String projectId, @PathVariable String riskId,
                                        @Valid @RequestBody EstimateRequest request) {
        ParticipantId participant = caller.participantId();
        return commands.send(new GiveRiskEstimateCommand(projectId(projectId), caller.workshopId(), participant,
                riskId(riskId), new RiskAssessment(request.probability(), request.impact())), caller);
    }

    @PostMapping("/{riskId}/estimate/reveal")
    public RiskRegisterOutcome reveal(Caller caller, @PathVariable String projectId, @PathVariable String riskId) {
        return commands.send(new RevealRiskEstimateCommand(projectId(projectId), caller.requireFacilitator().subject(),
                riskId(riskId)), caller);
    }

    @PostMapping("/{riskId}/estimate/adopt")
    public RiskRegisterOutcome adopt(Caller caller, @PathVariable String projectId, @PathVariable String riskId,
                                     @Valid @RequestBody AdoptRequest request) {
        return commands.send(new AdoptRiskEstimateCommand(projectId(projectId), caller.requireFacilitator().subject(),
                riskId(riskId), new RiskAssessment(request.probability(), request.impact()), request.reason()),
                caller);
    }

    @DeleteMapping("/{riskId}/estimate")
    public RiskRegisterOutcome discardEstimate(Caller caller, @PathVariable String projectId,
                                               @PathVariable String riskId) {
        return commands.send(new DiscardRiskEstimateCommand(projectId(projectId),
                caller.requireFacilitator().subject(), riskId(riskId)), caller);
    }

    private static String reason(ReasonRequest request) {
        return (request == null ? ReasonRequest.NONE : request).reason();
    }

    private static ProjectId projectId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-project", "no such project");
        }
        return new ProjectId(raw);
    }

    private static RiskId riskId(String raw) {
        if (!RiskId.isValid(raw)) {
            throw DomainException.notFound("unknown-risk", "the register has no such risk");
        }
        return new RiskId(raw);
    }

    private static RiskProposalId proposalId(String raw) {
        if (!RiskProposalId.isValid(raw)) {
            throw DomainException.notFound("unknown-proposal", "the register has no such proposal");
        }
        return new RiskProposalId(raw);
    }
}
