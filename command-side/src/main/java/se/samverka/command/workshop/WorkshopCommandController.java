package se.samverka.command.workshop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.command.template.TemplateCatalog;
import se.samverka.command.web.CommandSender;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CreateWorkshopCommand;
import se.samverka.kernel.workshop.JoinWorkshopCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.Score;
import se.samverka.kernel.workshop.WorkshopId;

/** The workshop commands: create, join, rate. Reads live on the query side. */
@RestController
@RequestMapping("/api/v1")
public class WorkshopCommandController {
    static final Duration PARTICIPANT_TOKEN_LIFETIME = Duration.ofDays(7);
    private static final int CREATE_ATTEMPTS = 3;

    private final CommandSender commands;
    private final JoinCodes joinCodes;
    private final TokenCodec tokens;

    public WorkshopCommandController(CommandSender commands, JoinCodes joinCodes, TokenCodec tokens) {
        this.commands = commands;
        this.joinCodes = joinCodes;
        this.tokens = tokens;
    }

    public record CreateWorkshopRequest(@NotBlank @Size(max = Workshop.MAX_TITLE) String title,
                                        @Size(max = 64) String template,
                                        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String projectId) {
    }

    public record WorkshopCreatedResponse(String id, String projectId, String joinCode) {
    }

    public record JoinRequest(@NotBlank @Size(max = 16) String joinCode,
                              @NotBlank @Size(max = Workshop.MAX_NAME) String displayName,
                              @Size(max = Workshop.MAX_ORGANISATION) String organisation) {
    }

    public record JoinResponse(String workshopId, String participantId, String token) {
    }

    public record RateRequest(@NotNull @Min(Score.MIN) @Max(Score.MAX) Integer score) {
    }

    public record RatingResponse(String capabilityId, int score, long version) {
    }

    @PostMapping("/workshops")
    public ResponseEntity<WorkshopCreatedResponse> create(Caller caller,
                                                          @Valid @RequestBody CreateWorkshopRequest request) {
        caller.requireFacilitator();
        boolean newProject = request.projectId() == null;
        ProjectId projectId = new ProjectId(newProject ? newId() : request.projectId());
        String template = request.template() == null ? TemplateCatalog.FYRBODAL : request.template();
        for (int attempt = 1; ; attempt++) {
            WorkshopId workshopId = new WorkshopId(newId());
            String joinCode = joinCodes.newUnusedCode();
            try {
                commands.send(new CreateWorkshopCommand(workshopId, projectId, newProject, request.title(), template,
                        joinCode, caller.subject()), caller);
                return ResponseEntity.created(URI.create("/api/v1/workshops/" + workshopId))
                        .body(new WorkshopCreatedResponse(workshopId.value(), projectId.value(), joinCode));
            } catch (DomainException e) {
                // Two workshops drew the same free code at the same moment: draw again.
                if (!"join-code-taken".equals(e.code()) || attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @PostMapping("/join")
    public ResponseEntity<JoinResponse> join(@Valid @RequestBody JoinRequest request) {
        WorkshopId workshopId = joinCodes.find(request.joinCode()).orElseThrow(() -> DomainException.notFound(
                "unknown-join-code", "no workshop has the join code '" + request.joinCode().strip() + "'"));
        ParticipantId participantId = new ParticipantId(newId());
        Caller participant = Caller.participant(workshopId, participantId);
        commands.send(new JoinWorkshopCommand(workshopId, participantId, request.displayName(),
                request.organisation()), participant);
        return ResponseEntity.status(201).body(new JoinResponse(workshopId.value(), participantId.value(),
                tokens.issue(participant, PARTICIPANT_TOKEN_LIFETIME)));
    }

    @PutMapping("/workshops/{workshopId}/capabilities/{capabilityId}/rating")
    public RatingResponse rate(Caller caller, @PathVariable String workshopId, @PathVariable String capabilityId,
                               @Valid @RequestBody RateRequest request) {
        WorkshopId workshop = workshopId(workshopId);
        ParticipantId participant = caller.requireParticipantOf(workshop);
        if (!Ids.isSafe(capabilityId)) {
            throw DomainException.notFound("unknown-capability", "the workshop has no such capability");
        }
        long version = commands.send(new RateCapabilityCommand(workshop, participant, capabilityId,
                new Score(request.score())), caller);
        return new RatingResponse(capabilityId, request.score(), version);
    }

    private static WorkshopId workshopId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-workshop", "no such workshop");
        }
        return new WorkshopId(raw);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
