package se.samverka.query.survey;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.samverka.kernel.survey.SurveyAnswersSubmittedEvent;
import se.samverka.kernel.survey.SurveyClosedEvent;
import se.samverka.kernel.survey.SurveyCreatedEvent;
import se.samverka.kernel.survey.SurveyDraftSavedEvent;
import se.samverka.kernel.survey.SurveyEvent;
import se.samverka.kernel.survey.SurveyKeys;
import se.samverka.kernel.survey.SurveyOpenedEvent;
import se.samverka.kernel.survey.SurveyQuestionDefinedEvent;
import se.samverka.kernel.survey.SurveyQuestionRemovedEvent;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.survey.SurveyView.AnswerView;
import se.samverka.query.survey.SurveyView.Party;
import se.samverka.query.survey.SurveyView.QuestionView;
import se.samverka.query.survey.SurveyView.RespondentView;

/**
 * Projects surveys into MongoDB (compare-and-set on the survey's version) and pushes the
 * response-rate board to {@code /topic/projects.{projectId}.survey-{surveyId}}: exactly one
 * message per survey event, carrying the survey's version, so a client that sees a gap reloads.
 */
@Component
@ProcessingGroup(SurveyProjection.GROUP)
public class SurveyProjection {
    public static final String GROUP = "survey-projection";
    static final String STREAM_PREFIX = "survey-";

    private final MongoCollection<SurveyView> surveys;
    private final LivePublisher live;

    public SurveyProjection(MongoDatabase database, LivePublisher live) {
        this.surveys = database.getCollection("surveys", SurveyView.class);
        this.live = live;
    }

    /** What the board's stream carries: the survey's version and its board as it now stands. */
    public record SurveyLiveMessage(String type, long version, String surveyId, ResponseBoard board) {
    }

    public Optional<SurveyView> find(String surveyId) {
        return Optional.ofNullable(surveys.find(eq("_id", surveyId)).first());
    }

    public List<SurveyView> inProject(String projectId) {
        return surveys.find(eq("projectId", projectId)).into(new ArrayList<>()).stream()
                .sorted((a, b) -> a.createdAt() == null || b.createdAt() == null ? 0
                        : a.createdAt().compareTo(b.createdAt()))
                .toList();
    }

    public static String stream(String surveyId) {
        return STREAM_PREFIX + surveyId;
    }

    @EventHandler
    public void on(SurveyEvent event, @SequenceNumber long version) {
        String surveyId = event.surveyId().value();
        SurveyView stored = surveys.find(eq("_id", surveyId)).first();
        SurveyView current = stored == null ? SurveyView.empty(surveyId, event.projectId().value()) : stored;
        if (current.version() >= version) {
            return;
        }
        SurveyView next = evolve(current, event).withVersion(version);
        UpdateResult result = stored == null
                ? surveys.replaceOne(eq("_id", surveyId), next, new ReplaceOptions().upsert(true))
                : surveys.replaceOne(and(eq("_id", surveyId), eq("version", current.version())), next);
        if (result.getMatchedCount() != 1 && result.getUpsertedId() == null) {
            throw new IllegalStateException("survey " + surveyId + " changed while version " + version
                    + " was applied");
        }
        live.publishToProject(next.projectId(), stream(surveyId),
                new SurveyLiveMessage(type(event), version, surveyId, ResponseBoard.of(next)));
    }

    static SurveyView evolve(SurveyView view, SurveyEvent event) {
        if (event instanceof SurveyCreatedEvent e) {
            return view.created(e.title(), parties(e.targetGroups()), parties(e.organisations()), e.createdAt());
        }
        if (event instanceof SurveyQuestionDefinedEvent e) {
            return view.withQuestion(QuestionView.of(e.question()));
        }
        if (event instanceof SurveyQuestionRemovedEvent e) {
            return view.withoutQuestion(e.questionId());
        }
        if (event instanceof SurveyOpenedEvent e) {
            return view.withStatus("OPEN", e.openedAt(), null);
        }
        if (event instanceof SurveyClosedEvent e) {
            return view.withStatus("CLOSED", view.openedAt(), e.closedAt());
        }
        if (event instanceof SurveyDraftSavedEvent e) {
            RespondentView current = view.respondent(e.organisation(), e.targetGroup());
            return view.withRespondent(new RespondentView(e.organisation(), e.targetGroup(), AnswerView.of(e.answers()),
                    e.savedAt(), current == null ? null : current.submitted(), current == null ? 0 : current.revision(),
                    current == null ? null : current.submittedAt()));
        }
        if (event instanceof SurveyAnswersSubmittedEvent e) {
            return view.withRespondent(new RespondentView(e.organisation(), e.targetGroup(), null, null,
                    AnswerView.of(e.answers()), e.revision(), e.submittedAt()));
        }
        throw new IllegalArgumentException("unknown survey event " + event.getClass().getSimpleName());
    }

    private static List<Party> parties(List<String> names) {
        return names.stream().map(name -> new Party(SurveyKeys.of(name), name)).toList();
    }

    private static String type(SurveyEvent event) {
        if (event instanceof SurveyDraftSavedEvent) {
            return "survey.draft-saved";
        }
        if (event instanceof SurveyAnswersSubmittedEvent) {
            return "survey.answers-submitted";
        }
        if (event instanceof SurveyOpenedEvent) {
            return "survey.opened";
        }
        if (event instanceof SurveyClosedEvent) {
            return "survey.closed";
        }
        return "survey.changed";
    }

    @ResetHandler
    void reset() {
        surveys.drop();
    }
}
