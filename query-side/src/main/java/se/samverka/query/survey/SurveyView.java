package se.samverka.query.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import se.samverka.kernel.survey.SurveyAnswer;
import se.samverka.kernel.survey.SurveyQuestion;

/**
 * A survey in one document with its {@code version}: its questions, the organisations and
 * target groups it is sent to, and every respondent's draft and submitted answer set. Values are
 * kept as plain strings and numbers (a number answer as its decimal text), so any MongoDB holds
 * them without a decimal type.
 */
public record SurveyView(@BsonId String surveyId, String projectId, long version, String title, String status,
                         List<Party> targetGroups, List<Party> organisations, List<QuestionView> questions,
                         List<RespondentView> respondents, Instant createdAt, Instant openedAt, Instant closedAt) {

    /** An organisation or target group: the key links and URLs use, the name people read. */
    public record Party(String key, String name) {
    }

    public record QuestionView(String id, String kind, String text, String help, List<String> targetGroups,
                               List<String> options, String unit, String unitLabel, String capabilityId,
                               String dimensionId) {
        static QuestionView of(SurveyQuestion q) {
            return new QuestionView(q.id(), q.kind().name(), q.text(), q.help(), q.targetGroups(), q.options(),
                    q.unit() == null ? null : q.unit().name(), q.unit() == null ? null : q.unit().label(),
                    q.capabilityId(), q.dimensionId());
        }
    }

    public record AnswerView(String questionId, Integer scale, List<String> choices, String number, String text) {
        static AnswerView of(SurveyAnswer a) {
            return new AnswerView(a.questionId(), a.scale(), a.choices(),
                    a.number() == null ? null : a.number().toPlainString(), a.text());
        }

        static List<AnswerView> of(List<SurveyAnswer> answers) {
            return answers.stream().map(AnswerView::of).toList();
        }

        /** The answer as one line of plain text (CSV). */
        public String display() {
            if (scale != null) {
                return scale.toString();
            }
            if (choices != null) {
                return String.join(", ", choices);
            }
            return number != null ? number : text == null ? "" : text;
        }
    }

    /** One respondent (organisation × target group): the draft they left, the set they submitted. */
    public record RespondentView(String organisation, String targetGroup, List<AnswerView> draft, Instant draftSavedAt,
                                 List<AnswerView> submitted, int revision, Instant submittedAt) {
        public String state() {
            return submitted != null ? "submitted" : draft != null ? "draft" : "none";
        }
    }

    static SurveyView empty(String surveyId, String projectId) {
        return new SurveyView(surveyId, projectId, -1, "", "DRAFT", List.of(), List.of(), List.of(), List.of(),
                null, null, null);
    }

    SurveyView withVersion(long next) {
        return new SurveyView(surveyId, projectId, next, title, status, targetGroups, organisations, questions,
                respondents, createdAt, openedAt, closedAt);
    }

    SurveyView created(String nextTitle, List<Party> groups, List<Party> members, Instant at) {
        return new SurveyView(surveyId, projectId, version, nextTitle, "DRAFT", groups, members, questions,
                respondents, at, openedAt, closedAt);
    }

    SurveyView withQuestion(QuestionView question) {
        List<QuestionView> next = new ArrayList<>(questions);
        int at = next.stream().map(QuestionView::id).toList().indexOf(question.id());
        if (at < 0) {
            next.add(question);
        } else {
            next.set(at, question);
        }
        return withQuestions(List.copyOf(next));
    }

    SurveyView withoutQuestion(String questionId) {
        return withQuestions(questions.stream().filter(q -> !q.id().equals(questionId)).toList());
    }

    private SurveyView withQuestions(List<QuestionView> next) {
        return new SurveyView(surveyId, projectId, version, title, status, targetGroups, organisations, next,
                respondents, createdAt, openedAt, closedAt);
    }

    SurveyView withStatus(String next, Instant opened, Instant closed) {
        return new SurveyView(surveyId, projectId, version, title, next, targetGroups, organisations, questions,
                respondents, createdAt, opened, closed);
    }

    RespondentView respondent(String organisation, String targetGroup) {
        return respondents.stream().filter(r -> r.organisation().equals(organisation)
                && r.targetGroup().equals(targetGroup)).findFirst().orElse(null);
    }

    SurveyView withRespondent(RespondentView respondent) {
        List<RespondentView> next = new ArrayList<>(respondents.stream().filter(r ->
                !(r.organisation().equals(respondent.organisation()) && r.targetGroup().equals(respondent.targetGroup())))
                .toList());
        next.add(respondent);
        return new SurveyView(surveyId, projectId, version, title, status, targetGroups, organisations, questions,
                List.copyOf(next), createdAt, openedAt, closedAt);
    }

    public String organisationName(String key) {
        return organisations.stream().filter(p -> p.key().equals(key)).map(Party::name).findFirst().orElse(key);
    }

    public String targetGroupName(String key) {
        return targetGroups.stream().filter(p -> p.key().equals(key)).map(Party::name).findFirst().orElse(key);
    }
}
