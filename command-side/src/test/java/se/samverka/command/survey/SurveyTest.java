package se.samverka.command.survey;

import static se.samverka.command.risk.Membership.FACILITATOR;
import static se.samverka.command.risk.Membership.NOW;
import static se.samverka.command.risk.Membership.OTHER_FACILITATOR;
import static se.samverka.command.risk.Membership.OTHER_PROJECT;
import static se.samverka.command.risk.Membership.PROJECT;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.command.risk.Membership;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.Dimension;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.survey.CloseSurveyCommand;
import se.samverka.kernel.survey.CreateSurveyCommand;
import se.samverka.kernel.survey.DefineSurveyQuestionCommand;
import se.samverka.kernel.survey.NumberUnit;
import se.samverka.kernel.survey.OpenSurveyCommand;
import se.samverka.kernel.survey.QuestionKind;
import se.samverka.kernel.survey.SaveSurveyAnswersCommand;
import se.samverka.kernel.survey.SurveyAnswer;
import se.samverka.kernel.survey.SurveyAnswersSubmittedEvent;
import se.samverka.kernel.survey.SurveyClosedEvent;
import se.samverka.kernel.survey.SurveyCreatedEvent;
import se.samverka.kernel.survey.SurveyDraftSavedEvent;
import se.samverka.kernel.survey.SurveyId;
import se.samverka.kernel.survey.SurveyOpenedEvent;
import se.samverka.kernel.survey.SurveyQuestion;
import se.samverka.kernel.survey.SurveyQuestionDefinedEvent;

/**
 * The survey's rules: questions fit their kind and the project's model, answers fit their
 * question and the respondent's target group, one submitted set per respondent that changes
 * until closing, and nothing after closing. Every refusal stores nothing.
 */
class SurveyTest {
    static final SurveyId SURVEY = new SurveyId("sv-test");
    static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(new Dimension("people", new LocalizedText("Medarbetare", "People"))),
            List.of(new CapabilityCategory("support", new LocalizedText("Stöd", "Support"),
                    List.of(new CapabilityNode("build-competence", new LocalizedText("Kompetens", "Competence"), null)))));
    static final SurveyCreatedEvent CREATED = new SurveyCreatedEvent(SURVEY, PROJECT, "Nulägesanalys",
            List.of("IT-chef", "Ekonomichef"), List.of("Bengtsfors", "Dals-Ed"), FACILITATOR, NOW);
    static final SurveyQuestion SCALE = new SurveyQuestion("Q1", QuestionKind.SCALE, "Hur väl stöds verksamheten?",
            null, List.of("it-chef", "ekonomichef"), List.of(), null, "build-competence", "people");
    static final SurveyQuestion CHOICE = new SurveyQuestion("Q2", QuestionKind.SINGLE_CHOICE, "Vilken kapacitet finns?",
            null, List.of("it-chef"), List.of("Räcker inte", "Räcker"), null, null, null);
    static final SurveyQuestion MULTI = new SurveyQuestion("Q3", QuestionKind.MULTIPLE_CHOICE, "Vilka kompetenser?",
            null, List.of("it-chef"), List.of("Drift", "Arkitektur", "Säkerhet"), null, null, null);
    static final SurveyQuestion COST = new SurveyQuestion("Q4", QuestionKind.NUMBER, "Vad kostar det idag?",
            null, List.of("ekonomichef"), List.of(), NumberUnit.SEK, null, null);
    static final SurveyQuestion TEXT = new SurveyQuestion("Q5", QuestionKind.TEXT, "Hur ser informationshanteringen ut?",
            null, List.of("it-chef"), List.of(), null, null, null);
    static final Object[] OPEN_SURVEY = {CREATED, defined(SCALE), defined(CHOICE), defined(MULTI), defined(COST),
            defined(TEXT), new SurveyOpenedEvent(SURVEY, PROJECT, NOW)};

    private FixtureConfiguration<Survey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Survey.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Membership.withTwoProjects());
        fixture.registerInjectableResource(new ProjectModels(project -> MODEL));
    }

    static SurveyQuestionDefinedEvent defined(SurveyQuestion question) {
        return new SurveyQuestionDefinedEvent(SURVEY, PROJECT, question, NOW);
    }

    static SaveSurveyAnswersCommand submit(String organisation, String group, SurveyAnswer... answers) {
        return new SaveSurveyAnswersCommand(SURVEY, organisation, group, List.of(answers), true);
    }

    @Test
    void givenNothing_whenCreatedWithQuestions_thenQuestionsAreNumberedAndGroupsByKey() {
        SurveyQuestion asked = new SurveyQuestion(null, QuestionKind.SCALE, "Hur väl stöds verksamheten?", null,
                List.of("IT-chef", "Ekonomichef"), null, null, "build-competence", "people");
        fixture.givenNoPriorActivity().when(new CreateSurveyCommand(SURVEY, PROJECT, FACILITATOR, "Nulägesanalys",
                        List.of("IT-chef", "Ekonomichef"), List.of("Bengtsfors", "Dals-Ed"), List.of(asked)))
                .expectEvents(CREATED, defined(SCALE));
    }

    @Test
    void givenNothing_whenAnotherFacilitatorCreates_thenForbidden() {
        fixture.givenNoPriorActivity().when(new CreateSurveyCommand(SURVEY, PROJECT, OTHER_FACILITATOR, "X",
                List.of("IT-chef"), List.of("Bengtsfors"), List.of())).expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenADraft_whenAQuestionLinksACapabilityOutsideTheModel_thenInvalidAndNothingStored() {
        fixture.given(CREATED).when(new DefineSurveyQuestionCommand(SURVEY, PROJECT, FACILITATOR,
                        new SurveyQuestion(null, QuestionKind.SCALE, "Fråga", null, List.of("IT-chef"), null, null,
                                "no-such-capability", null)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenADraft_whenAChoiceQuestionHasOneOption_orANumberNoUnit_thenInvalid() {
        fixture.given(CREATED).when(new DefineSurveyQuestionCommand(SURVEY, PROJECT, FACILITATOR,
                        new SurveyQuestion(null, QuestionKind.SINGLE_CHOICE, "Fråga", null, List.of("IT-chef"),
                                List.of("Bara en"), null, null, null)))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(CREATED).when(new DefineSurveyQuestionCommand(SURVEY, PROJECT, FACILITATOR,
                        new SurveyQuestion(null, QuestionKind.NUMBER, "Fråga", null, List.of("IT-chef"),
                                null, null, null, null)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenADraft_whenARespondentAnswers_thenConflict() {
        fixture.given(CREATED, defined(SCALE)).when(submit("bengtsfors", "it-chef", SurveyAnswer.scale("Q1", 3)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenAnOpenSurvey_whenQuestionsChange_thenConflict() {
        fixture.given(OPEN_SURVEY).when(new DefineSurveyQuestionCommand(SURVEY, PROJECT, FACILITATOR, SCALE))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenAnOpenSurvey_whenARespondentSavesADraft_thenADraftEventAndTheSameDraftAgainStoresNothing() {
        SurveyAnswer three = SurveyAnswer.scale("Q1", 3);
        SurveyDraftSavedEvent draft = new SurveyDraftSavedEvent(SURVEY, PROJECT, "bengtsfors", "it-chef",
                List.of(three), NOW);
        fixture.given(OPEN_SURVEY).when(new SaveSurveyAnswersCommand(SURVEY, "bengtsfors", "it-chef",
                List.of(three), false)).expectEvents(draft);
        List<Object> history = new java.util.ArrayList<>(List.of(OPEN_SURVEY));
        history.add(draft);
        fixture.given(history).when(new SaveSurveyAnswersCommand(SURVEY, "bengtsfors", "it-chef", List.of(three),
                false)).expectNoEvents();
    }

    @Test
    void givenAnOpenSurvey_whenSubmittedAndChanged_thenRevisionsCountUpWithThePreviousSet() {
        // 1 250 000,50 kr is stored as the number it is, without the trailing zero.
        SurveyAnswer first = SurveyAnswer.number("Q4", "1250000.5");
        SurveyAnswersSubmittedEvent submitted = new SurveyAnswersSubmittedEvent(SURVEY, PROJECT, "dals-ed",
                "ekonomichef", List.of(first), List.of(), 1, NOW);
        fixture.given(OPEN_SURVEY).when(submit("dals-ed", "ekonomichef", SurveyAnswer.number("Q4", "1250000.50")))
                .expectEvents(submitted);
        List<Object> history = new java.util.ArrayList<>(List.of(OPEN_SURVEY));
        history.add(submitted);
        SurveyAnswer second = SurveyAnswer.number("Q4", "1300000");
        fixture.given(history).when(submit("dals-ed", "ekonomichef", second, SurveyAnswer.scale("Q1", 2)))
                .expectEvents(new SurveyAnswersSubmittedEvent(SURVEY, PROJECT, "dals-ed", "ekonomichef",
                        List.of(second, SurveyAnswer.scale("Q1", 2)), List.of(first), 2, NOW));
        fixture.given(history).when(submit("dals-ed", "ekonomichef", SurveyAnswer.number("Q4", "1250000.500")))
                .expectNoEvents();
    }

    @Test
    void givenAnOpenSurvey_whenAnswersAreOutOfRangeOrOfTheWrongKind_thenInvalidAndNothingStored() {
        List<SurveyAnswer> bad = List.of(
                SurveyAnswer.scale("Q1", 0),
                SurveyAnswer.scale("Q1", 6),
                SurveyAnswer.choices("Q2", "Räcker inte", "Räcker"),
                SurveyAnswer.choices("Q2", "Finns inte"),
                SurveyAnswer.choices("Q3", "Drift", "Drift"),
                SurveyAnswer.text("Q1", "fem"),
                SurveyAnswer.text("Q5", "x".repeat(2001)),
                new SurveyAnswer("Q1", 3, null, null, "och text"));
        for (SurveyAnswer answer : bad) {
            fixture.given(OPEN_SURVEY).when(submit("bengtsfors", "it-chef", answer))
                    .expectException(DomainException.class).expectNoEvents();
        }
        for (SurveyAnswer answer : List.of(SurveyAnswer.number("Q4", "-1"), SurveyAnswer.number("Q4", "1.005"),
                SurveyAnswer.number("Q4", "1000000000001"))) {
            fixture.given(OPEN_SURVEY).when(submit("bengtsfors", "ekonomichef", answer))
                    .expectException(DomainException.class).expectNoEvents();
        }
    }

    @Test
    void givenAnOpenSurvey_whenAQuestionOfAnotherGroupOrAnUnknownOrganisationIsAnswered_thenRefused() {
        fixture.given(OPEN_SURVEY).when(submit("bengtsfors", "ekonomichef", SurveyAnswer.choices("Q2", "Räcker")))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(OPEN_SURVEY).when(submit("goteborg", "it-chef", SurveyAnswer.scale("Q1", 3)))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(OPEN_SURVEY).when(submit("bengtsfors", "it-chef"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenAClosedSurvey_whenARespondentAnswers_thenConflictWithNothingStored() {
        List<Object> history = new java.util.ArrayList<>(List.of(OPEN_SURVEY));
        history.add(new SurveyClosedEvent(SURVEY, PROJECT, 0, NOW));
        fixture.given(history).when(submit("bengtsfors", "it-chef", SurveyAnswer.scale("Q1", 4)))
                .expectExceptionMessage("the survey is closed; answers can no longer change").expectNoEvents();
        fixture.given(history).when(new OpenSurveyCommand(SURVEY, PROJECT, FACILITATOR))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenAnOpenSurvey_whenClosedFromAnotherProjectsPath_thenNotFound_andFromItsOwnClosed() {
        fixture.given(OPEN_SURVEY).when(new CloseSurveyCommand(SURVEY, OTHER_PROJECT, OTHER_FACILITATOR))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(OPEN_SURVEY).when(new CloseSurveyCommand(SURVEY, PROJECT, FACILITATOR))
                .expectEvents(new SurveyClosedEvent(SURVEY, PROJECT, 0, NOW));
    }

    @Test
    void givenTheFyrbodalTemplate_whenCreated_thenSixQuestionsForFourGroupsAndFourteenMunicipalities() {
        SurveyTemplates.Template template = SurveyTemplates.find(SurveyTemplates.FYRBODAL).orElseThrow();
        fixture.registerInjectableResource(new ProjectModels(project -> MODEL));
        fixture.givenNoPriorActivity().when(new CreateSurveyCommand(SURVEY, PROJECT, FACILITATOR, template.title(),
                        template.targetGroups(), template.organisations(), template.questions()))
                // The test model lacks most of Fyrbodal's capabilities: the template's links are checked.
                .expectException(DomainException.class).expectNoEvents();
        org.assertj.core.api.Assertions.assertThat(template.questions()).hasSize(6);
        org.assertj.core.api.Assertions.assertThat(template.targetGroups()).hasSize(4);
        org.assertj.core.api.Assertions.assertThat(template.organisations()).hasSize(14);
    }
}
