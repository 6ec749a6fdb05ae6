package se.samverka.command.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.command.web.CommandSender;
import se.samverka.kernel.Ids;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.survey.CloseSurveyCommand;
import se.samverka.kernel.survey.CreateSurveyCommand;
import se.samverka.kernel.survey.DefineSurveyQuestionCommand;
import se.samverka.kernel.survey.NumberUnit;
import se.samverka.kernel.survey.OpenSurveyCommand;
import se.samverka.kernel.survey.QuestionKind;
import se.samverka.kernel.survey.RemoveSurveyQuestionCommand;
import se.samverka.kernel.survey.SaveSurveyAnswersCommand;
import se.samverka.kernel.survey.SurveyAnswer;
import se.samverka.kernel.survey.SurveyId;
import se.samverka.kernel.survey.SurveyLink;
import se.samverka.kernel.survey.SurveyOutcome;
import se.samverka.kernel.survey.SurveyQuestion;

/**
 * Survey commands. The facilitator who runs the project builds, opens and closes surveys;
 * respondents save and submit answers through their link, sent in the {@code X-Survey-Link}
 * header: the link names one survey, organisation and target group, and a request for any
 * other pair than the one it names is refused (403) before a command is sent.
 */
@RestController
public class SurveyCommandController {
    public static final String LINK_HEADER = "X-Survey-Link";

    private final CommandSender commands;
    private final TokenCodec tokens;

    public SurveyCommandController(CommandSender commands, TokenCodec tokens) {
        this.commands = commands;
        this.tokens = tokens;
    }

    public record QuestionRequest(QuestionKind kind, String text, String help, List<String> targetGroups,
                                  List<String> options, NumberUnit unit, String capabilityId, String dimensionId) {
        SurveyQuestion toQuestion(String id) {
            return new SurveyQuestion(id, kind, text, help, targetGroups, options, unit, capabilityId, dimensionId);
        }
    }

    /** {@code template}: a built-in template's id; its groups, organisations and questions unless given. */
    public record CreateSurveyRequest(String title, String template, List<String> targetGroups,
                                      List<String> organisations, List<QuestionRequest> questions) {
    }

    public record AnswersRequest(@NotNull List<SurveyAnswer> answers, boolean submit) {
    }

    @PostMapping("/api/v1/projects/{projectId}/surveys")
    public ResponseEntity<SurveyOutcome> create(Caller caller, @PathVariable String projectId,
                                                @Valid @RequestBody CreateSurveyRequest r) {
        SurveyTemplates.Template template = null;
        if (r.template() != null) {
            template = SurveyTemplates.find(r.template()).orElseThrow(() ->
                    DomainException.notFound("unknown-template", "no survey template " + r.template()));
        }
        String title = r.title() != null ? r.title() : template == null ? null : template.title();
        List<String> groups = r.targetGroups() != null ? r.targetGroups()
                : template == null ? null : template.targetGroups();
        List<String> organisations = r.organisations() != null ? r.organisations()
                : template == null ? null : template.organisations();
        List<SurveyQuestion> questions = r.questions() != null
                ? r.questions().stream().map(q -> q == null ? null : q.toQuestion(null)).toList()
                : template == null ? List.of() : template.questions();
        SurveyId id = SurveyId.random();
        return ResponseEntity.status(201).body(commands.send(new CreateSurveyCommand(id, projectId(projectId),
                caller.requireFacilitator().subject(), title, groups, organisations, questions), caller));
    }

    @PostMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/questions")
    public ResponseEntity<SurveyOutcome> addQuestion(Caller caller, @PathVariable String projectId,
                                                     @PathVariable String surveyId, @RequestBody QuestionRequest r) {
        return ResponseEntity.status(201).body(commands.send(new DefineSurveyQuestionCommand(surveyId(surveyId),
                projectId(projectId), caller.requireFacilitator().subject(), r.toQuestion(null)), caller));
    }

    @PutMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/questions/{questionId}")
    public SurveyOutcome replaceQuestion(Caller caller, @PathVariable String projectId, @PathVariable String surveyId,
                                         @PathVariable String questionId, @RequestBody QuestionRequest r) {
        return commands.send(new DefineSurveyQuestionCommand(surveyId(surveyId), projectId(projectId),
                caller.requireFacilitator().subject(), r.toQuestion(questionId(questionId))), caller);
    }

    @DeleteMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/questions/{questionId}")
    public SurveyOutcome removeQuestion(Caller caller, @PathVariable String projectId, @PathVariable String surveyId,
                                        @PathVariable String questionId) {
        return commands.send(new RemoveSurveyQuestionCommand(surveyId(surveyId), projectId(projectId),
                caller.requireFacilitator().subject(), questionId(questionId)), caller);
    }

    @PostMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/open")
    public SurveyOutcome open(Caller caller, @PathVariable String projectId, @PathVariable String surveyId) {
        return commands.send(new OpenSurveyCommand(surveyId(surveyId), projectId(projectId),
                caller.requireFacilitator().subject()), caller);
    }

    @PostMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/close")
    public SurveyOutcome close(Caller caller, @PathVariable String projectId, @PathVariable String surveyId) {
        return commands.send(new CloseSurveyCommand(surveyId(surveyId), projectId(projectId),
                caller.requireFacilitator().subject()), caller);
    }

    /** A respondent saves a draft ({@code submit} false) or submits their answer set. */
    @PutMapping("/api/v1/surveys/{surveyId}/responses/{organisation}/{targetGroup}")
    public SurveyOutcome answer(@RequestHeader(name = LINK_HEADER, required = false) String link,
                                @PathVariable String surveyId, @PathVariable String organisation,
                                @PathVariable String targetGroup, @Valid @RequestBody AnswersRequest r) {
        SurveyLink respondent = SurveyLink.decode(tokens, link).orElseThrow(() ->
                DomainException.unauthenticated("the survey link is missing or not valid"));
        if (!respondent.surveyId().value().equals(surveyId)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "link-for-another-survey",
                    "the link is for another survey");
        }
        if (!respondent.organisation().equals(organisation)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "link-for-another-organisation",
                    "the link is for another organisation");
        }
        if (!respondent.targetGroup().equals(targetGroup)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "link-for-another-target-group",
                    "the link is for another target group");
        }
        return commands.sendAs(new SaveSurveyAnswersCommand(respondent.surveyId(), organisation, targetGroup,
                r.answers(), r.submit()), respondent.actor());
    }

    static ProjectId projectId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-project", "no such project");
        }
        return new ProjectId(raw);
    }

    private static SurveyId surveyId(String raw) {
        if (!SurveyId.isValid(raw)) {
            throw DomainException.notFound("unknown-survey", "no such survey");
        }
        return new SurveyId(raw);
    }

    private static String questionId(String raw) {
        if (!Ids.isSafe(raw)) {
            throw DomainException.notFound("unknown-question", "no such question");
        }
        return raw;
    }
}
