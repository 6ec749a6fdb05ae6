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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CastScenarioVoteCommand;
import se.samverka.kernel.workshop.CloseRoundCommand;
import se.samverka.kernel.workshop.CloseScenarioVoteCommand;
import se.samverka.kernel.workshop.DefineScenarioCommand;
import se.samverka.kernel.workshop.OpenScenarioVoteCommand;
import se.samverka.kernel.workshop.RevealScenarioVoteCommand;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.ScenarioId;
import se.samverka.kernel.workshop.ScenarioVoteMethod;
import se.samverka.kernel.workshop.CreateWorkshopCommand;
import se.samverka.kernel.workshop.EraseParticipantCommand;
import se.samverka.kernel.workshop.JoinWorkshopCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.OpenRoundCommand;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.RemoveParticipantCommand;
import se.samverka.kernel.workshop.RecordAgreedModeCommand;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.RevealRoundCommand;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;
import se.samverka.kernel.workshop.Score;
import se.samverka.kernel.workshop.VoteResponsibilityModeCommand;
import se.samverka.kernel.workshop.WorkshopId;

/** The workshop commands: create, join, rate, run rounds, vote on responsibility modes. Reads live on the query side. */
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

    /** {@code model}: an exported capability model to start a new project from, instead of a template. */
    public record CreateWorkshopRequest(@NotBlank @Size(max = Workshop.MAX_TITLE) String title,
                                        @Size(max = 64) String template,
                                        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}") String projectId,
                                        CapabilityModel model) {
    }

    public record WorkshopCreatedResponse(String id, String projectId, String joinCode) {
    }

    public record JoinRequest(@NotBlank @Size(max = 16) String joinCode,
                              @NotBlank @Size(max = Workshop.MAX_NAME) String displayName,
                              @Size(max = Workshop.MAX_ORGANISATION) String organisation) {
    }

    public record JoinResponse(String workshopId, String participantId, String token) {
    }

    public record RateRequest(@NotNull @Min(Score.MIN) @Max(Score.MAX) Integer score,
                              @Size(max = 64) String dimension) {
    }

    public record RatingResponse(String capabilityId, String dimension, int score, long version) {
    }

    public record ScopeRequest(@NotNull RoundScope.Kind kind, @Size(max = 64) String target) {
    }

    public record OpenRoundRequest(@Valid ScopeRequest scope, RoundSettings.RatingMode ratingMode, Boolean anonymous,
                                   Boolean sealed,
                                   @Min(10) @Max(RoundSettings.MAX_TIME_LIMIT_SECONDS) Integer timeLimitSeconds) {
    }

    public record RoundResponse(String roundId, long version) {
    }

    public record VersionResponse(long version) {
    }

    public record ModeRequest(@NotNull ResponsibilityMode mode) {
    }

    public record ScenarioRequest(@NotBlank @Size(max = Scenario.MAX_NAME) String name,
                                  @Size(max = Scenario.MAX_DESCRIPTION) String description,
                                  @Size(max = 100) List<@NotBlank @Size(max = 64) String> capabilityIds,
                                  @NotNull @Min(0) @Max(1_000_000_000_000L) Long costSek,
                                  @NotNull Scenario.CostKind costKind,
                                  @NotNull @Min(0) @Max(240) Integer durationMonths,
                                  @NotNull Scenario.Priority priority) {
    }

    public record OpenScenarioVoteRequest(@NotNull ScenarioVoteMethod method,
                                          @Min(1) @Max(OpenScenarioVoteCommand.MAX_DOTS) Integer dotsPerPerson,
                                          Boolean sealed) {
    }

    public record VoteResponse(String voteId, long version) {
    }

    public record BallotRequest(@Size(max = 100) Map<@Size(max = 64) String, @NotNull @Min(0) @Max(100) Integer> dots,
                                @Size(max = 100) List<@NotBlank @Size(max = 64) String> ranking) {
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
                        joinCode, caller.subject(), newProject ? request.model() : null), caller);
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

    /** Removes a participant: their token stops working at once and their live connections are closed. */
    @DeleteMapping("/workshops/{workshopId}/participants/{participantId}")
    public VersionResponse removeParticipant(Caller caller, @PathVariable String workshopId,
                                             @PathVariable String participantId) {
        caller.requireFacilitator();
        if (!Ids.isSafe(participantId)) {
            throw DomainException.notFound("unknown-participant", "the workshop has no such participant");
        }
        return new VersionResponse(commands.send(new RemoveParticipantCommand(workshopId(workshopId),
                caller.subject(), new ParticipantId(participantId)), caller));
    }

    @PutMapping("/workshops/{workshopId}/capabilities/{capabilityId}/rating")
    public RatingResponse rate(Caller caller, @PathVariable String workshopId, @PathVariable String capabilityId,
                               @Valid @RequestBody RateRequest request) {
        WorkshopId workshop = workshopId(workshopId);
        ParticipantId participant = caller.requireParticipantOf(workshop);
        capabilityId(capabilityId);
        long version = commands.send(new RateCapabilityCommand(workshop, participant, capabilityId,
                request.dimension(), new Score(request.score())), caller);
        return new RatingResponse(capabilityId, request.dimension(), request.score(), version);
    }

    @PostMapping("/workshops/{workshopId}/rounds")
    public ResponseEntity<RoundResponse> openRound(Caller caller, @PathVariable String workshopId,
                                                   @Valid @RequestBody OpenRoundRequest request) {
        caller.requireFacilitator();
        WorkshopId workshop = workshopId(workshopId);
        RoundScope scope = request.scope() == null ? RoundScope.all()
                : new RoundScope(request.scope().kind(), request.scope().target());
        RoundSettings defaults = RoundSettings.defaults();
        RoundSettings settings = new RoundSettings(
                request.ratingMode() == null ? defaults.ratingMode() : request.ratingMode(),
                request.anonymous() == null ? defaults.anonymous() : request.anonymous(),
                request.sealed() == null ? defaults.sealed() : request.sealed(),
                request.timeLimitSeconds());
        RoundId roundId = new RoundId(newId());
        long version = commands.send(new OpenRoundCommand(workshop, roundId, caller.subject(), scope, settings),
                caller);
        return ResponseEntity.status(201).body(new RoundResponse(roundId.value(), version));
    }

    /**
     * The facilitator erases a participant's personal data: their name and organisation read as
     * "Raderad deltagare" everywhere from now on, while what they rated and voted still counts.
     */
    @DeleteMapping("/workshops/{workshopId}/participants/{participantId}/personal-data")
    public VersionResponse erase(Caller caller, @PathVariable String workshopId, @PathVariable String participantId) {
        caller.requireFacilitator();
        if (!Ids.isSafe(participantId)) {
            throw DomainException.notFound("unknown-participant", "the workshop has no such participant");
        }
        return new VersionResponse(commands.send(new EraseParticipantCommand(workshopId(workshopId),
                caller.subject(), new ParticipantId(participantId)), caller));
    }

    @PostMapping("/workshops/{workshopId}/rounds/{roundId}/close")
    public VersionResponse closeRound(Caller caller, @PathVariable String workshopId, @PathVariable String roundId) {
        caller.requireFacilitator();
        return new VersionResponse(commands.send(new CloseRoundCommand(workshopId(workshopId), roundId(roundId),
                caller.subject()), caller));
    }

    @PostMapping("/workshops/{workshopId}/rounds/{roundId}/reveal")
    public VersionResponse revealRound(Caller caller, @PathVariable String workshopId, @PathVariable String roundId) {
        caller.requireFacilitator();
        return new VersionResponse(commands.send(new RevealRoundCommand(workshopId(workshopId), roundId(roundId),
                caller.subject()), caller));
    }

    @PutMapping("/workshops/{workshopId}/capabilities/{capabilityId}/responsibility")
    public VersionResponse voteMode(Caller caller, @PathVariable String workshopId, @PathVariable String capabilityId,
                                    @Valid @RequestBody ModeRequest request) {
        WorkshopId workshop = workshopId(workshopId);
        ParticipantId participant = caller.requireParticipantOf(workshop);
        return new VersionResponse(commands.send(new VoteResponsibilityModeCommand(workshop, participant,
                capabilityId(capabilityId), request.mode()), caller));
    }

    @PutMapping("/workshops/{workshopId}/capabilities/{capabilityId}/agreed-responsibility")
    public VersionResponse recordMode(Caller caller, @PathVariable String workshopId,
                                      @PathVariable String capabilityId, @Valid @RequestBody ModeRequest request) {
        caller.requireFacilitator();
        return new VersionResponse(commands.send(new RecordAgreedModeCommand(workshopId(workshopId),
                caller.subject(), capabilityId(capabilityId), request.mode()), caller));
    }

    @PutMapping("/workshops/{workshopId}/scenarios/{scenarioId}")
    public VersionResponse defineScenario(Caller caller, @PathVariable String workshopId,
                                          @PathVariable String scenarioId,
                                          @Valid @RequestBody ScenarioRequest request) {
        caller.requireFacilitator();
        if (!Ids.isSafe(scenarioId)) {
            throw new DomainException(DomainException.Kind.INVALID, "validation",
                    "a scenario id is 1-64 letters, digits, '-' or '_'");
        }
        Scenario scenario = new Scenario(new ScenarioId(scenarioId), request.name(), request.description(),
                request.capabilityIds(), request.costSek(), request.costKind(), request.durationMonths(),
                request.priority());
        return new VersionResponse(commands.send(new DefineScenarioCommand(workshopId(workshopId), caller.subject(),
                scenario), caller));
    }

    @PostMapping("/workshops/{workshopId}/scenario-votes")
    public ResponseEntity<VoteResponse> openScenarioVote(Caller caller, @PathVariable String workshopId,
                                                         @Valid @RequestBody OpenScenarioVoteRequest request) {
        caller.requireFacilitator();
        RoundId voteId = new RoundId(newId());
        int dots = request.dotsPerPerson() == null ? 3 : request.dotsPerPerson();
        long version = commands.send(new OpenScenarioVoteCommand(workshopId(workshopId), caller.subject(), voteId,
                request.method(), dots, request.sealed() == null || request.sealed()), caller);
        return ResponseEntity.status(201).body(new VoteResponse(voteId.value(), version));
    }

    @PutMapping("/workshops/{workshopId}/scenario-votes/{voteId}/ballot")
    public VersionResponse castBallot(Caller caller, @PathVariable String workshopId, @PathVariable String voteId,
                                      @Valid @RequestBody BallotRequest request) {
        WorkshopId workshop = workshopId(workshopId);
        ParticipantId participant = caller.requireParticipantOf(workshop);
        return new VersionResponse(commands.send(new CastScenarioVoteCommand(workshop, participant,
                voteIdOf(voteId), request.dots(), request.ranking()), caller));
    }

    @PostMapping("/workshops/{workshopId}/scenario-votes/{voteId}/close")
    public VersionResponse closeScenarioVote(Caller caller, @PathVariable String workshopId,
                                             @PathVariable String voteId) {
        caller.requireFacilitator();
        return new VersionResponse(commands.send(new CloseScenarioVoteCommand(workshopId(workshopId),
                caller.subject(), voteIdOf(voteId)), caller));
    }

    @PostMapping("/workshops/{workshopId}/scenario-votes/{voteId}/reveal")
    public VersionResponse revealScenarioVote(Caller caller, @PathVariable String workshopId,
                                              @PathVariable String voteId) {
        caller.requireFacilitator();
        return new VersionResponse(commands.send(new RevealScenarioVoteCommand(workshopId(workshopId),
                caller.subject(), voteIdOf(voteId)), caller));
    }

    private static RoundId voteIdOf(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-vote", "the workshop has no such scenario vote");
        }
        return new RoundId(raw);
    }

    private static String capabilityId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-capability", "the workshop has no such capability");
        }
        return raw;
    }

    private static RoundId roundId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-round", "the workshop has no such round");
        }
        return new RoundId(raw);
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
