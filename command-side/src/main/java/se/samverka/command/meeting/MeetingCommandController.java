package se.samverka.command.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.command.web.CommandSender;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.meeting.AgendaItemInput;
import se.samverka.kernel.meeting.CastDecisionVoteCommand;
import se.samverka.kernel.meeting.ChangeSteeringRoleCommand;
import se.samverka.kernel.meeting.CloseDecisionCommand;
import se.samverka.kernel.meeting.DecisionKind;
import se.samverka.kernel.meeting.MarkPresentCommand;
import se.samverka.kernel.meeting.MeetingOutcome;
import se.samverka.kernel.meeting.MoveAgendaCommand;
import se.samverka.kernel.meeting.OpenDecisionCommand;
import se.samverka.kernel.meeting.SetAgendaCommand;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * A meeting's commands: agenda, current item, presence, the steering-group role, decisions and
 * votes. Every answer is {@code {id, version}} with the meeting's version. Reads live on the
 * query side ({@code GET /api/v1/workshops/{id}/meeting}).
 */
@RestController
@RequestMapping("/api/v1/workshops/{workshopId}/meeting")
public class MeetingCommandController {
    private final CommandSender commands;

    public MeetingCommandController(CommandSender commands) {
        this.commands = commands;
    }

    public record AgendaRequest(@Size(max = Meeting.MAX_TEXT) String purpose, List<String> goals,
                                @NotNull List<AgendaItemInput> items) {
    }

    public record CurrentItemRequest(String itemId) {
    }

    public record RoleRequest(@NotNull Boolean steeringGroup) {
    }

    public record DecisionRequest(DecisionKind kind, @NotBlank @Size(max = Meeting.MAX_TEXT) String proposal,
                                  List<String> options, String planVersion, Integer quorum, Boolean openVoting,
                                  Boolean anonymous) {
    }

    public record VoteRequest(@NotBlank String option) {
    }

    @PutMapping("/agenda")
    public MeetingOutcome agenda(Caller caller, @PathVariable String workshopId,
                                 @Valid @RequestBody AgendaRequest request) {
        return commands.send(new SetAgendaCommand(workshopId(workshopId), caller.requireFacilitator().subject(),
                request.purpose(), request.goals(), request.items()), caller);
    }

    @PutMapping("/current")
    public MeetingOutcome current(Caller caller, @PathVariable String workshopId,
                                  @RequestBody CurrentItemRequest request) {
        return commands.send(new MoveAgendaCommand(workshopId(workshopId), caller.requireFacilitator().subject(),
                request.itemId()), caller);
    }

    @PutMapping("/presence")
    public MeetingOutcome present(Caller caller, @PathVariable String workshopId) {
        WorkshopId workshop = workshopId(workshopId);
        return commands.send(new MarkPresentCommand(workshop, caller.requireParticipantOf(workshop)), caller);
    }

    @PutMapping("/roles/{participantId}")
    public MeetingOutcome role(Caller caller, @PathVariable String workshopId, @PathVariable String participantId,
                               @Valid @RequestBody RoleRequest request) {
        if (!Ids.isSafe(participantId)) {
            throw DomainException.notFound("unknown-participant", "the workshop has no such participant");
        }
        return commands.send(new ChangeSteeringRoleCommand(workshopId(workshopId),
                caller.requireFacilitator().subject(), new ParticipantId(participantId), request.steeringGroup()),
                caller);
    }

    @PostMapping("/decisions")
    public ResponseEntity<MeetingOutcome> open(Caller caller, @PathVariable String workshopId,
                                               @Valid @RequestBody DecisionRequest request) {
        WorkshopId workshop = workshopId(workshopId);
        MeetingOutcome outcome = commands.send(new OpenDecisionCommand(workshop, caller.requireFacilitator().subject(),
                request.kind(), request.proposal(), request.options(), request.planVersion(), request.quorum(),
                Boolean.TRUE.equals(request.openVoting()), Boolean.TRUE.equals(request.anonymous())), caller);
        return ResponseEntity.created(URI.create("/api/v1/workshops/" + workshop + "/meeting/decisions/"
                + outcome.id())).body(outcome);
    }

    @PutMapping("/decisions/{decisionId}/vote")
    public MeetingOutcome vote(Caller caller, @PathVariable String workshopId, @PathVariable String decisionId,
                               @Valid @RequestBody VoteRequest request) {
        WorkshopId workshop = workshopId(workshopId);
        return commands.send(new CastDecisionVoteCommand(workshop, caller.requireParticipantOf(workshop),
                decisionId, request.option()), caller);
    }

    @PostMapping("/decisions/{decisionId}/close")
    public MeetingOutcome close(Caller caller, @PathVariable String workshopId, @PathVariable String decisionId) {
        return commands.send(new CloseDecisionCommand(workshopId(workshopId), caller.requireFacilitator().subject(),
                decisionId), caller);
    }

    private static WorkshopId workshopId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-workshop", "no such workshop");
        }
        return new WorkshopId(raw);
    }
}
