package se.samverka.query.survey;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.survey.SurveyId;
import se.samverka.kernel.survey.SurveyLink;
import se.samverka.query.project.ProjectAccess;
import se.samverka.query.results.ResultsQuery;
import se.samverka.query.results.ResultsView;
import se.samverka.query.results.ResultsView.CapabilityResult;
import se.samverka.query.survey.EnvironmentView.FindingView;
import se.samverka.query.survey.EnvironmentView.SourceView;
import se.samverka.query.survey.SurveyResults.QuestionResult;
import se.samverka.query.survey.SurveyView.AnswerView;
import se.samverka.query.survey.SurveyView.Party;
import se.samverka.query.survey.SurveyView.QuestionView;
import se.samverka.query.survey.SurveyView.RespondentView;

/**
 * Surveys and the environment analysis as their readers see them. Whoever may read the project
 * sees its surveys, results and response board (organisations and roles, never persons); only
 * its facilitator gets the respondent links. A respondent reads through their link alone: the
 * questions for their target group and their own answers, nothing of anyone else's.
 */
@RestController
public class SurveyQueryController {
    private final SurveyProjection surveys;
    private final EnvironmentProjection environment;
    private final ProjectAccess access;
    private final ResultsQuery results;
    private final TokenCodec tokens;

    public SurveyQueryController(SurveyProjection surveys, EnvironmentProjection environment, ProjectAccess access,
                                 ResultsQuery results, TokenCodec tokens) {
        this.surveys = surveys;
        this.environment = environment;
        this.access = access;
        this.results = results;
        this.tokens = tokens;
    }

    public record SurveySummary(String id, String title, String status, long version, int submitted, int expected) {
    }

    public record SurveyDetail(String id, String projectId, String title, String status, long version,
                               List<Party> targetGroups, List<Party> organisations, List<QuestionView> questions,
                               ResponseBoard board) {
    }

    public record RespondentLink(String organisation, String organisationName, String targetGroup,
                                 String targetGroupName, String token, String path) {
    }

    /** What a respondent sees through their link. */
    public record RespondentPage(String surveyId, String title, String status, long version, Party organisation,
                                 Party targetGroup, List<QuestionView> questions, List<AnswerView> draft,
                                 java.time.Instant draftSavedAt, List<AnswerView> submitted, int revision,
                                 java.time.Instant submittedAt) {
    }

    /** A capability's evidence: the workshops' ratings, the survey questions linked to it, and the findings. */
    public record CapabilityEvidence(String capabilityId, CapabilityResult workshops, List<LinkedQuestion> survey,
                                     List<LinkedFinding> findings) {
    }

    public record LinkedQuestion(String surveyId, String surveyTitle, QuestionResult result) {
    }

    public record LinkedFinding(FindingView finding, List<SourceView> sources) {
    }

    @GetMapping("/api/v1/projects/{projectId}/surveys")
    public List<SurveySummary> list(Caller caller, @PathVariable String projectId) {
        String id = access.readable(caller, projectId).id();
        return surveys.inProject(id).stream().map(s -> {
            ResponseBoard board = ResponseBoard.of(s);
            return new SurveySummary(s.surveyId(), s.title(), s.status(), s.version(), board.submitted(),
                    board.expected());
        }).toList();
    }

    @GetMapping("/api/v1/projects/{projectId}/surveys/{surveyId}")
    public SurveyDetail survey(Caller caller, @PathVariable String projectId, @PathVariable String surveyId) {
        SurveyView s = readable(caller, projectId, surveyId);
        return new SurveyDetail(s.surveyId(), s.projectId(), s.title(), s.status(), s.version(), s.targetGroups(),
                s.organisations(), s.questions(), ResponseBoard.of(s));
    }

    /** The response-rate board with its version: the snapshot the live stream's pushes continue. */
    @GetMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/board")
    public ResponseBoard board(Caller caller, @PathVariable String projectId, @PathVariable String surveyId) {
        return ResponseBoard.of(readable(caller, projectId, surveyId));
    }

    @GetMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/results")
    public SurveyResults results(Caller caller, @PathVariable String projectId, @PathVariable String surveyId) {
        return SurveyResults.of(readable(caller, projectId, surveyId));
    }

    /** One link per organisation and target group, for the facilitator to send out. */
    @GetMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/links")
    public List<RespondentLink> links(Caller caller, @PathVariable String projectId, @PathVariable String surveyId) {
        access.runBy(caller, projectId);
        SurveyView s = readable(caller, projectId, surveyId);
        return s.organisations().stream().flatMap(o -> s.targetGroups().stream().map(g -> {
            String token = new SurveyLink(new SurveyId(s.surveyId()), o.key(), g.key()).encode(tokens);
            return new RespondentLink(o.key(), o.name(), g.key(), g.name(), token, "#/answer/" + token);
        })).toList();
    }

    @GetMapping("/api/v1/survey-links/{token}")
    public RespondentPage respondent(@PathVariable String token) {
        SurveyLink link = SurveyLink.decode(tokens, token).orElseThrow(() ->
                DomainException.notFound("unknown-link", "the survey link is not valid"));
        SurveyView s = surveys.find(link.surveyId().value()).orElseThrow(() ->
                DomainException.notFound("unknown-survey", "no such survey"));
        RespondentView mine = s.respondent(link.organisation(), link.targetGroup());
        return new RespondentPage(s.surveyId(), s.title(), s.status(), s.version(),
                new Party(link.organisation(), s.organisationName(link.organisation())),
                new Party(link.targetGroup(), s.targetGroupName(link.targetGroup())),
                s.questions().stream().filter(q -> q.targetGroups().contains(link.targetGroup())).toList(),
                mine == null ? null : mine.draft(), mine == null ? null : mine.draftSavedAt(),
                mine == null ? null : mine.submitted(), mine == null ? 0 : mine.revision(),
                mine == null ? null : mine.submittedAt());
    }

    @GetMapping("/api/v1/projects/{projectId}/environment")
    public EnvironmentView environment(Caller caller, @PathVariable String projectId) {
        String id = access.readable(caller, projectId).id();
        return environment.find(id).orElseGet(() -> EnvironmentView.empty(id));
    }

    @GetMapping("/api/v1/projects/{projectId}/capabilities/{capabilityId}/evidence")
    public CapabilityEvidence evidence(Caller caller, @PathVariable String projectId,
                                       @PathVariable String capabilityId) {
        String id = access.readable(caller, projectId).id();
        ResultsView picture = results.ofProject(id);
        CapabilityResult workshops = picture.capabilities().stream()
                .filter(c -> c.capabilityId().equals(capabilityId)).findFirst().orElse(null);
        List<LinkedQuestion> linked = surveys.inProject(id).stream().flatMap(s -> {
            SurveyResults r = SurveyResults.of(s);
            return r.questions().stream().filter(q -> capabilityId.equals(q.capabilityId()))
                    .map(q -> new LinkedQuestion(s.surveyId(), s.title(), q));
        }).toList();
        EnvironmentView analysis = environment.find(id).orElseGet(() -> EnvironmentView.empty(id));
        List<LinkedFinding> findings = analysis.findings().stream()
                .filter(f -> !f.withdrawn() && f.capabilityIds().contains(capabilityId))
                .map(f -> new LinkedFinding(f, analysis.sources().stream()
                        .filter(s -> f.sourceIds().contains(s.id())).toList()))
                .toList();
        // A project whose workshops have a model but not this capability: an unknown capability.
        if (workshops == null && linked.isEmpty() && findings.isEmpty() && !picture.capabilities().isEmpty()) {
            throw DomainException.notFound("unknown-capability", "the project's model has no such capability");
        }
        return new CapabilityEvidence(capabilityId, workshops, linked, findings);
    }

    SurveyView readable(Caller caller, String projectId, String surveyId) {
        String id = access.readable(caller, projectId).id();
        return surveys.find(surveyId).filter(s -> s.projectId().equals(id)).orElseThrow(() ->
                DomainException.notFound("unknown-survey", "the project has no such survey"));
    }
}
