package se.samverka.query.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.survey.EnvironmentSourceSetEvent;
import se.samverka.kernel.survey.FindingRecordedEvent;
import se.samverka.kernel.survey.FindingWithdrawnEvent;
import se.samverka.kernel.survey.NumberUnit;
import se.samverka.kernel.survey.QuestionKind;
import se.samverka.kernel.survey.SourceKind;
import se.samverka.kernel.survey.SourceStatus;
import se.samverka.kernel.survey.SurveyAnswer;
import se.samverka.kernel.survey.SurveyAnswersSubmittedEvent;
import se.samverka.kernel.survey.SurveyCreatedEvent;
import se.samverka.kernel.survey.SurveyDraftSavedEvent;
import se.samverka.kernel.survey.SurveyEvent;
import se.samverka.kernel.survey.SurveyId;
import se.samverka.kernel.survey.SurveyOpenedEvent;
import se.samverka.kernel.survey.SurveyQuestion;
import se.samverka.kernel.survey.SurveyQuestionDefinedEvent;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.survey.SurveyResults.QuestionResult;

/**
 * Given survey events, then the read model, the response-rate board and its pushes, and the
 * result aggregates per question, target group and organisation: against the MongoDB
 * wire-protocol server through the real driver.
 */
class SurveyProjectionTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ProjectId PROJECT = new ProjectId("p1");
    private static final SurveyId SURVEY = new SurveyId("sv-test");

    private MongoServer server;
    private MongoClient client;
    private SurveyProjection projection;
    private EnvironmentProjection environment;
    private final List<Message<?>> pushed = new CopyOnWriteArrayList<>();
    private long version;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoDatabase database = client.getDatabase("survey-projection-test");
        LivePublisher live = new LivePublisher(new SimpMessagingTemplate((message, timeout) -> pushed.add(message)));
        projection = new SurveyProjection(database, live);
        environment = new EnvironmentProjection(database, live);
        version = 0;
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void apply(SurveyEvent... events) {
        for (SurveyEvent event : events) {
            projection.on(event, version++);
        }
    }

    private void openSurvey() {
        apply(new SurveyCreatedEvent(SURVEY, PROJECT, "Nulägesanalys", List.of("IT-chef", "Ekonomichef"),
                        List.of("Bengtsfors", "Dals-Ed", "Åmål"), "admin", NOW),
                defined(new SurveyQuestion("Q1", QuestionKind.SCALE, "Hur väl stöds verksamheten?", null,
                        List.of("it-chef", "ekonomichef"), null, null, "understand-needs", null)),
                defined(new SurveyQuestion("Q2", QuestionKind.MULTIPLE_CHOICE, "Vilka kompetenser finns?", null,
                        List.of("it-chef"), List.of("Drift", "Arkitektur", "Säkerhet"), null, null, null)),
                defined(new SurveyQuestion("Q3", QuestionKind.NUMBER, "Vad kostar det idag?", null,
                        List.of("ekonomichef"), null, NumberUnit.SEK, "funding-and-economy", null)),
                defined(new SurveyQuestion("Q4", QuestionKind.TEXT, "Hur ser informationshanteringen ut?", null,
                        List.of("it-chef"), null, null, null, null)),
                new SurveyOpenedEvent(SURVEY, PROJECT, NOW));
    }

    private static SurveyQuestionDefinedEvent defined(SurveyQuestion question) {
        return new SurveyQuestionDefinedEvent(SURVEY, PROJECT, question, NOW);
    }

    private static SurveyAnswersSubmittedEvent submitted(String organisation, String group, int revision,
                                                         SurveyAnswer... answers) {
        return new SurveyAnswersSubmittedEvent(SURVEY, PROJECT, organisation, group, List.of(answers), List.of(),
                revision, NOW);
    }

    private SurveyResults results() {
        return SurveyResults.of(projection.find(SURVEY.value()).orElseThrow());
    }

    private QuestionResult question(String id) {
        return results().questions().stream().filter(q -> q.questionId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void givenSubmissionsAndADraft_thenResultsCountOnlySubmittedSetsPerQuestionGroupAndOrganisation() {
        openSurvey();
        apply(submitted("bengtsfors", "it-chef", 1, SurveyAnswer.scale("Q1", 4), SurveyAnswer.choices("Q2", "Drift",
                        "Säkerhet"), SurveyAnswer.text("Q4", "Diariet i molnet")),
                submitted("dals-ed", "it-chef", 1, SurveyAnswer.scale("Q1", 2), SurveyAnswer.choices("Q2", "Drift")),
                submitted("dals-ed", "ekonomichef", 1, SurveyAnswer.scale("Q1", 3),
                        SurveyAnswer.number("Q3", "1200000")),
                submitted("bengtsfors", "ekonomichef", 1, SurveyAnswer.number("Q3", "800000.5")),
                new SurveyDraftSavedEvent(SURVEY, PROJECT, "amal", "it-chef", List.of(SurveyAnswer.scale("Q1", 1)),
                        NOW));

        assertThat(results().respondents()).isEqualTo(4);
        QuestionResult scale = question("Q1");
        assertThat(scale.overall().count()).isEqualTo(3);
        assertThat(scale.overall().mean()).isEqualTo(3.0);
        assertThat(scale.overall().distribution()).containsExactly(0, 1, 1, 1, 0);
        assertThat(scale.byTargetGroup().get("it-chef").mean()).isEqualTo(3.0);
        assertThat(scale.byTargetGroup().get("ekonomichef").mean()).isEqualTo(3.0);
        assertThat(scale.byOrganisation().get("dals-ed").mean()).isEqualTo(2.5);
        assertThat(scale.byOrganisation()).doesNotContainKey("amal");
        assertThat(question("Q2").overall().options()).containsEntry("Drift", 2).containsEntry("Säkerhet", 1)
                .containsEntry("Arkitektur", 0);
        QuestionResult cost = question("Q3");
        assertThat(cost.overall().sum()).isEqualTo("2000000.5");
        assertThat(cost.overall().median()).isEqualTo("1000000.25");
        assertThat(cost.overall().min()).isEqualTo("800000.5");
        assertThat(cost.byOrganisation().get("dals-ed").sum()).isEqualTo("1200000");
        assertThat(question("Q4").overall().texts()).singleElement()
                .satisfies(t -> assertThat(t.organisation()).isEqualTo("bengtsfors"));
    }

    @Test
    void givenAChangedSubmission_thenTheLatestReplacesTheFirst() {
        openSurvey();
        apply(submitted("bengtsfors", "it-chef", 1, SurveyAnswer.scale("Q1", 1)),
                submitted("bengtsfors", "it-chef", 2, SurveyAnswer.scale("Q1", 5)));
        assertThat(question("Q1").overall().count()).isEqualTo(1);
        assertThat(question("Q1").overall().mean()).isEqualTo(5.0);
    }

    @Test
    void givenAnswers_thenTheBoardShowsWhoAnswered_andEveryEventPushesItOnceWithItsVersion() {
        openSurvey();
        apply(submitted("bengtsfors", "it-chef", 1, SurveyAnswer.scale("Q1", 4)),
                new SurveyDraftSavedEvent(SURVEY, PROJECT, "amal", "ekonomichef", List.of(), NOW));
        ResponseBoard board = ResponseBoard.of(projection.find(SURVEY.value()).orElseThrow());
        assertThat(board.expected()).isEqualTo(6);
        assertThat(board.submitted()).isEqualTo(1);
        assertThat(board.drafts()).isEqualTo(1);
        assertThat(board.rate()).isEqualTo(0.167);
        assertThat(board.cells()).filteredOn(c -> c.organisation().equals("bengtsfors")
                && c.targetGroup().equals("it-chef")).singleElement().satisfies(c ->
                assertThat(c.state()).isEqualTo("submitted"));

        List<SurveyProjection.SurveyLiveMessage> messages = pushed.stream()
                .map(m -> (SurveyProjection.SurveyLiveMessage) m.getPayload()).toList();
        assertThat(messages).extracting(SurveyProjection.SurveyLiveMessage::version)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(SimpMessageHeaderAccessor.getDestination(pushed.get(6).getHeaders()))
                .isEqualTo("/topic/projects.p1.survey-sv-test");
        assertThat(messages.get(6).type()).isEqualTo("survey.answers-submitted");

        int before = pushed.size();
        projection.on(submitted("bengtsfors", "it-chef", 1, SurveyAnswer.scale("Q1", 4)), 6);
        assertThat(pushed).hasSize(before);
    }

    @Test
    void givenSourcesAndFindings_thenTheAnalysisListsThemAndAWithdrawnFindingIsMarked() {
        environment.on(new EnvironmentSourceSetEvent(PROJECT, "K1", SourceKind.EXTERNAL_EXPERT, "SKR", "Vad?", null,
                null, null, SourceStatus.PLANNED, "admin", NOW), 0);
        environment.on(new FindingRecordedEvent(PROJECT, "F1", "Kompetens saknas", List.of("K1"),
                List.of("build-competence"), "admin", NOW), 1);
        environment.on(new FindingWithdrawnEvent(PROJECT, "F1", "admin", NOW), 2);
        EnvironmentView view = environment.find("p1").orElseThrow();
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.sources()).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo("EXTERNAL_EXPERT"));
        assertThat(view.findings()).singleElement().satisfies(f -> assertThat(f.withdrawn()).isTrue());
    }
}
