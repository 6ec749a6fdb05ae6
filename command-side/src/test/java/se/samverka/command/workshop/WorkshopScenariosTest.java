package se.samverka.command.workshop;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.records.OrganisationList;
import se.samverka.kernel.workshop.CastScenarioVoteCommand;
import se.samverka.kernel.workshop.CloseScenarioVoteCommand;
import se.samverka.kernel.workshop.DefineScenarioCommand;
import se.samverka.kernel.workshop.OpenScenarioVoteCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.RevealScenarioVoteCommand;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.ScenarioDefinedEvent;
import se.samverka.kernel.workshop.ScenarioId;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.ScenarioVoteClosedEvent;
import se.samverka.kernel.workshop.ScenarioVoteMethod;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;
import se.samverka.kernel.workshop.ScenarioVoteRevealedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/** Scenarios and dot voting or ranking across them: every accepted and refused path. */
class WorkshopScenariosTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final RoundId VOTE = new RoundId("v1");
    private static final Scenario SOC = new Scenario(new ScenarioId("soc"), "Gemensam SOC", "", List.of("set-goals"),
            2_500_000, Scenario.CostKind.ONE_OFF, 12, Scenario.Priority.HIGH);
    private static final Scenario PORTFOLIO = new Scenario(new ScenarioId("portfolio"), "Gemensam projektportfölj",
            "", List.of("formulate"), 3_000_000, Scenario.CostKind.ONE_OFF, 18, Scenario.Priority.HIGH);

    private FixtureConfiguration<Workshop> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workshop.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PersonalDataCipher.PLAIN);
        fixture.registerInjectableResource((ProjectOrganisations) project -> OrganisationList.OPEN);
    }

    private static Object[] withTwoScenarios() {
        return new Object[] {new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Scenarier", "ABC234", "admin",
                WorkshopTest.MODEL, NOW), new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Tanum", NOW),
                new ScenarioDefinedEvent(WORKSHOP, SOC, NOW), new ScenarioDefinedEvent(WORKSHOP, PORTFOLIO, NOW)};
    }

    private static ScenarioVoteOpenedEvent dotsOpened() {
        return new ScenarioVoteOpenedEvent(WORKSHOP, VOTE, ScenarioVoteMethod.DOTS, 3, true,
                List.of("soc", "portfolio"), NOW);
    }

    @Test
    void givenWorkshop_whenFacilitatorDefinesScenario_thenDefined_andUnknownCapabilityRefused() {
        fixture.given(withTwoScenarios()[0])
                .when(new DefineScenarioCommand(WORKSHOP, "admin", SOC))
                .expectEvents(new ScenarioDefinedEvent(WORKSHOP, SOC, NOW));
        fixture.given(withTwoScenarios()[0])
                .when(new DefineScenarioCommand(WORKSHOP, "admin", new Scenario(new ScenarioId("x"), "X", "",
                        List.of("no-such"), 1, Scenario.CostKind.PER_YEAR, 1, Scenario.Priority.LOW)))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(withTwoScenarios()[0])
                .when(new DefineScenarioCommand(WORKSHOP, "mallory", SOC))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenScenarios_whenOpeningDotVote_thenOpenedOverAllScenarios_andTooFewOrBadDotsRefused() {
        fixture.given(withTwoScenarios())
                .when(new OpenScenarioVoteCommand(WORKSHOP, "admin", VOTE, ScenarioVoteMethod.DOTS, 3, true))
                .expectEvents(dotsOpened());
        fixture.given(withTwoScenarios()[0], withTwoScenarios()[2])
                .when(new OpenScenarioVoteCommand(WORKSHOP, "admin", VOTE, ScenarioVoteMethod.DOTS, 3, true))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(withTwoScenarios())
                .when(new OpenScenarioVoteCommand(WORKSHOP, "admin", VOTE, ScenarioVoteMethod.DOTS, 0, true))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOpenDotVote_whenParticipantPlacesDots_thenCast_andSeveralOnOneScenarioAllowed() {
        fixture.given(withTwoScenarios()).andGiven(dotsOpened())
                .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, VOTE, Map.of("soc", 3), null))
                .expectEvents(new ScenarioVoteCastEvent(WORKSHOP, ANNA, VOTE, Map.of("soc", 3), null, null, null, NOW));
    }

    @Test
    void givenBallot_whenCastAgainDifferently_thenReplacesWithPrevious_andSameBallotIsNoEvent() {
        ScenarioVoteCastEvent first = new ScenarioVoteCastEvent(WORKSHOP, ANNA, VOTE, Map.of("soc", 3), null, null,
                null, NOW);
        fixture.given(withTwoScenarios()).andGiven(dotsOpened(), first)
                .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, VOTE, Map.of("soc", 1, "portfolio", 2), null))
                .expectEvents(new ScenarioVoteCastEvent(WORKSHOP, ANNA, VOTE, Map.of("portfolio", 2, "soc", 1), null,
                        Map.of("soc", 3), null, NOW));
        fixture.given(withTwoScenarios()).andGiven(dotsOpened(), first)
                .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, VOTE, Map.of("soc", 3, "portfolio", 0), null))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void givenOpenDotVote_whenTooManyDotsNegativeOrUnknownScenario_thenRefused() {
        for (Map<String, Integer> bad : List.of(Map.of("soc", 4), Map.of("soc", 2, "portfolio", 2),
                Map.of("soc", -1, "portfolio", 1), Map.of("soc", 0), Map.of("nope", 1))) {
            fixture.given(withTwoScenarios()).andGiven(dotsOpened())
                    .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, VOTE, bad, null))
                    .expectException(DomainException.class).expectNoEvents();
        }
    }

    @Test
    void givenRankVote_whenRankingEveryScenarioOnce_thenCast_andPartialOrRepeatedRefused() {
        ScenarioVoteOpenedEvent ranked = new ScenarioVoteOpenedEvent(WORKSHOP, VOTE, ScenarioVoteMethod.RANK, 0,
                false, List.of("soc", "portfolio"), NOW);
        fixture.given(withTwoScenarios()).andGiven(ranked)
                .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, VOTE, null, List.of("portfolio", "soc")))
                .expectEvents(new ScenarioVoteCastEvent(WORKSHOP, ANNA, VOTE, null, List.of("portfolio", "soc"), null,
                        null, NOW));
        for (List<String> bad : List.of(List.of("soc"), List.of("soc", "soc"), List.of("soc", "portfolio", "x"))) {
            fixture.given(withTwoScenarios()).andGiven(ranked)
                    .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, VOTE, null, bad))
                    .expectException(DomainException.class).expectNoEvents();
        }
    }

    @Test
    void givenClosedVote_whenCasting_thenConflict_andForeignVoteNotFound() {
        fixture.given(withTwoScenarios()).andGiven(dotsOpened(), new ScenarioVoteClosedEvent(WORKSHOP, VOTE, NOW))
                .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, VOTE, Map.of("soc", 1), null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(withTwoScenarios()).andGiven(dotsOpened())
                .when(new CastScenarioVoteCommand(WORKSHOP, ANNA, new RoundId("other"), Map.of("soc", 1), null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOpenVote_whenRedefiningScenario_thenConflict() {
        fixture.given(withTwoScenarios()).andGiven(dotsOpened())
                .when(new DefineScenarioCommand(WORKSHOP, "admin", SOC))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenVote_whenClosedThenRevealed_thenEvents_andRevealWhileOpenRefused() {
        fixture.given(withTwoScenarios()).andGiven(dotsOpened())
                .when(new RevealScenarioVoteCommand(WORKSHOP, "admin", VOTE))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(withTwoScenarios()).andGiven(dotsOpened())
                .when(new CloseScenarioVoteCommand(WORKSHOP, "admin", VOTE))
                .expectEvents(new ScenarioVoteClosedEvent(WORKSHOP, VOTE, NOW));
        fixture.given(withTwoScenarios()).andGiven(dotsOpened(), new ScenarioVoteClosedEvent(WORKSHOP, VOTE, NOW))
                .when(new RevealScenarioVoteCommand(WORKSHOP, "admin", VOTE))
                .expectEvents(new ScenarioVoteRevealedEvent(WORKSHOP, VOTE, NOW));
    }
}
