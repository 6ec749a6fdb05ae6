package se.samverka.command.survey;

import static se.samverka.command.risk.Membership.FACILITATOR;
import static se.samverka.command.risk.Membership.NOW;
import static se.samverka.command.risk.Membership.PROJECT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.command.risk.Membership;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.survey.EnvironmentSourceSetEvent;
import se.samverka.kernel.survey.FindingRecordedEvent;
import se.samverka.kernel.survey.RecordFindingCommand;
import se.samverka.kernel.survey.SetEnvironmentSourceCommand;
import se.samverka.kernel.survey.SourceKind;
import se.samverka.kernel.survey.SourceStatus;

/** Sources are numbered K1, K2, …; a finding rests on known sources and capabilities of the model. */
class EnvironmentAnalysisTest {
    static final String QUESTION = "Vad är kommunernas situation och utmaning på sikt?";
    static final EnvironmentSourceSetEvent SKR = new EnvironmentSourceSetEvent(PROJECT, "K1",
            SourceKind.EXTERNAL_EXPERT, "SKR", QUESTION, null, null, null, SourceStatus.PLANNED, FACILITATOR, NOW);
    private FixtureConfiguration<EnvironmentAnalysis> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EnvironmentAnalysis.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(Membership.withTwoProjects());
        fixture.registerInjectableResource(new ProjectModels(project -> SurveyTest.MODEL));
    }

    @Test
    void givenNoAnalysis_whenASourceIsRegistered_thenK1Planned() {
        fixture.givenNoPriorActivity().when(new SetEnvironmentSourceCommand(PROJECT, FACILITATOR, null,
                SourceKind.EXTERNAL_EXPERT, "SKR", QUESTION, null, null, null)).expectEvents(SKR);
    }

    @Test
    void givenASource_whenItIsDone_thenTheStatusChangeShowsItsPreviousStatus() {
        LocalDate day = LocalDate.of(2020, 10, 12);
        fixture.given(SKR).when(new SetEnvironmentSourceCommand(PROJECT, FACILITATOR, "K1",
                SourceKind.EXTERNAL_EXPERT, "SKR", QUESTION, "Intervju om kompetensförsörjning", day,
                SourceStatus.DONE)).expectEvents(new EnvironmentSourceSetEvent(PROJECT, "K1",
                SourceKind.EXTERNAL_EXPERT, "SKR", QUESTION, "Intervju om kompetensförsörjning", day,
                SourceStatus.PLANNED, SourceStatus.DONE, FACILITATOR, NOW));
    }

    @Test
    void givenASource_whenAFindingCitesAnUnknownSourceOrCapability_thenInvalid_andAKnownOneIsRecorded() {
        fixture.given(SKR).when(new RecordFindingCommand(PROJECT, FACILITATOR, null, "Kompetens saknas",
                List.of("K9"), List.of())).expectException(DomainException.class).expectNoEvents();
        fixture.given(SKR).when(new RecordFindingCommand(PROJECT, FACILITATOR, null, "Kompetens saknas",
                List.of("K1"), List.of("no-such"))).expectException(DomainException.class).expectNoEvents();
        fixture.given(SKR).when(new RecordFindingCommand(PROJECT, FACILITATOR, null, "Kompetens saknas",
                        List.of("K1"), List.of("build-competence")))
                .expectEvents(new FindingRecordedEvent(PROJECT, "F1", "Kompetens saknas", List.of("K1"),
                        List.of("build-competence"), FACILITATOR, NOW));
    }
}
