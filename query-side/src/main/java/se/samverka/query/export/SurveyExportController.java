package se.samverka.query.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.query.project.ProjectAccess;
import se.samverka.query.survey.SurveyProjection;
import se.samverka.query.survey.SurveyView;
import se.samverka.query.survey.SurveyView.AnswerView;
import se.samverka.query.survey.SurveyView.QuestionView;
import se.samverka.query.survey.SurveyView.RespondentView;

/**
 * A survey's submitted answers as CSV for Swedish Excel (facilitator only): one row per answer,
 * with organisation, target group, revision and when it was submitted. Drafts are not answers
 * and are left out. Nobody is named: a respondent is an organisation and a role.
 */
@RestController
public class SurveyExportController {
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ProjectAccess access;
    private final SurveyProjection surveys;

    public SurveyExportController(ProjectAccess access, SurveyProjection surveys) {
        this.access = access;
        this.surveys = surveys;
    }

    @GetMapping("/api/v1/projects/{projectId}/surveys/{surveyId}/answers.csv")
    public ResponseEntity<byte[]> answers(Caller caller, @PathVariable String projectId,
                                          @PathVariable String surveyId) {
        String project = access.runBy(caller, projectId).id();
        SurveyView survey = surveys.find(surveyId).filter(s -> s.projectId().equals(project)).orElseThrow(() ->
                DomainException.notFound("unknown-survey", "the project has no such survey"));
        Map<String, QuestionView> questions = survey.questions().stream()
                .collect(Collectors.toMap(QuestionView::id, Function.identity()));
        ExcelCsv csv = new ExcelCsv().row(List.of("Enkät", "Organisation", "Målgrupp", "Fråga-id", "Fråga", "Typ",
                "Enhet", "Förmåga-id", "Dimension", "Svar", "Version", "Inskickat"));
        List<RespondentView> respondents = new ArrayList<>(survey.respondents().stream()
                .filter(r -> r.submitted() != null).toList());
        respondents.sort((a, b) -> (a.organisation() + "/" + a.targetGroup())
                .compareTo(b.organisation() + "/" + b.targetGroup()));
        for (RespondentView respondent : respondents) {
            for (QuestionView question : survey.questions()) {
                AnswerView answer = respondent.submitted().stream()
                        .filter(a -> a.questionId().equals(question.id())).findFirst().orElse(null);
                if (answer == null || !questions.containsKey(answer.questionId())) {
                    continue;
                }
                csv.row(java.util.Arrays.asList(survey.title(), survey.organisationName(respondent.organisation()),
                        survey.targetGroupName(respondent.targetGroup()), question.id(), question.text(),
                        question.kind(), question.unit(), question.capabilityId(), question.dimensionId(),
                        answer.display(), respondent.revision(), respondent.submittedAt().toString()));
            }
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enkat-" + survey.surveyId() + ".csv\"")
                .body(csv.bytes());
    }
}
