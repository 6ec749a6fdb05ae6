package se.samverka.command.survey;

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
import se.samverka.kernel.survey.RecordFindingCommand;
import se.samverka.kernel.survey.SetEnvironmentSourceCommand;
import se.samverka.kernel.survey.SourceKind;
import se.samverka.kernel.survey.SourceStatus;
import se.samverka.kernel.survey.SurveyOutcome;
import se.samverka.kernel.survey.WithdrawFindingCommand;

/** The environment analysis' commands (facilitator only): sources and findings. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/environment")
public class EnvironmentCommandController {
    private final CommandSender commands;

    public EnvironmentCommandController(CommandSender commands) {
        this.commands = commands;
    }

    public record SourceRequest(SourceKind kind, String organisation, String question, String notes, LocalDate date,
                                SourceStatus status) {
    }

    public record FindingRequest(String statement, List<String> sourceIds, List<String> capabilityIds) {
    }

    @PostMapping("/sources")
    public ResponseEntity<SurveyOutcome> addSource(Caller caller, @PathVariable String projectId,
                                                   @RequestBody SourceRequest r) {
        return ResponseEntity.status(201).body(setSource(caller, projectId, null, r));
    }

    @PutMapping("/sources/{sourceId}")
    public SurveyOutcome changeSource(Caller caller, @PathVariable String projectId, @PathVariable String sourceId,
                                      @RequestBody SourceRequest r) {
        return setSource(caller, projectId, id("source", sourceId), r);
    }

    @PostMapping("/findings")
    public ResponseEntity<SurveyOutcome> addFinding(Caller caller, @PathVariable String projectId,
                                                    @RequestBody FindingRequest r) {
        return ResponseEntity.status(201).body(finding(caller, projectId, null, r));
    }

    @PutMapping("/findings/{findingId}")
    public SurveyOutcome changeFinding(Caller caller, @PathVariable String projectId, @PathVariable String findingId,
                                       @RequestBody FindingRequest r) {
        return finding(caller, projectId, id("finding", findingId), r);
    }

    @DeleteMapping("/findings/{findingId}")
    public SurveyOutcome withdrawFinding(Caller caller, @PathVariable String projectId,
                                         @PathVariable String findingId) {
        return commands.send(new WithdrawFindingCommand(SurveyCommandController.projectId(projectId),
                caller.requireFacilitator().subject(), id("finding", findingId)), caller);
    }

    private SurveyOutcome setSource(Caller caller, String projectId, String sourceId, SourceRequest r) {
        return commands.send(new SetEnvironmentSourceCommand(SurveyCommandController.projectId(projectId),
                caller.requireFacilitator().subject(), sourceId, r.kind(), r.organisation(), r.question(), r.notes(),
                r.date(), r.status()), caller);
    }

    private SurveyOutcome finding(Caller caller, String projectId, String findingId, FindingRequest r) {
        return commands.send(new RecordFindingCommand(SurveyCommandController.projectId(projectId),
                caller.requireFacilitator().subject(), findingId, r.statement(), r.sourceIds(), r.capabilityIds()),
                caller);
    }

    private static String id(String kind, String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-" + kind, "no such " + kind);
        }
        return raw;
    }
}
