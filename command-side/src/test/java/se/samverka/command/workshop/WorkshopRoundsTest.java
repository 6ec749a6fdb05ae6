package se.samverka.command.workshop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.Dimension;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.capability.ModelChange;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.records.OrganisationList;
import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.CloseRoundCommand;
import se.samverka.kernel.workshop.OpenRoundCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.RecordAgreedModeCommand;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RevealRoundCommand;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;
import se.samverka.kernel.workshop.RoundTimedOutEvent;
import se.samverka.kernel.workshop.Score;
import se.samverka.kernel.workshop.VoteResponsibilityModeCommand;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.kernel.workshop.WorkshopModelChangedEvent;

/** Voting rounds and responsibility modes: every accepted and refused path. */
class WorkshopRoundsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final RoundId ROUND = new RoundId("r1");
    private static final RoundSettings SEALED = RoundSettings.defaults();
    private static final RoundSettings PER_DIMENSION =
            new RoundSettings(RoundSettings.RatingMode.PER_DIMENSION, true, true, null);
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(new Dimension("processes", new LocalizedText("Processer", "Processes")),
                    new Dimension("people", new LocalizedText("Medarbetare", "People"))),
            List.of(new CapabilityCategory("leadership", new LocalizedText("Ledning", "Leadership"), List.of(
                            new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), List.of(
                                    new CapabilityNode("formulate", new LocalizedText("Formulera", "Formulate"),
                                            List.of(new CapabilityNode("deep", new LocalizedText("Djup", "Deep"),
                                                    null))))))),
                    new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(
                            new CapabilityNode("operate", new LocalizedText("Drift", "Operate"), null)))));

    private FixtureConfiguration<Workshop> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workshop.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PersonalDataCipher.PLAIN);
        fixture.registerInjectableResource((ProjectOrganisations) project -> OrganisationList.OPEN);
    }

    private static WorkshopCreatedEvent created() {
        return new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Förmågor", "ABC234", "admin", MODEL, NOW);
    }

    private static ParticipantJoinedEvent annaJoined() {
        return new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Uddevalla", NOW);
    }

    private static RoundOpenedEvent opened(RoundScope scope, List<String> ids, RoundSettings settings,
                                           Instant deadline) {
        return new RoundOpenedEvent(WORKSHOP, ROUND, 1, scope, ids, settings, NOW, deadline);
    }

    private static RoundOpenedEvent openedOverAll() {
        return opened(RoundScope.all(), List.of("set-goals", "formulate", "deep", "operate"), SEALED, null);
    }

    @Test
    void givenWorkshop_whenFacilitatorOpensRoundOverSubtree_thenRoundCoversCapabilityAndDescendants() {
        RoundScope subtree = new RoundScope(RoundScope.Kind.SUBTREE, "set-goals");
        fixture.given(created())
                .when(new OpenRoundCommand(WORKSHOP, ROUND, "admin", subtree, SEALED))
                .expectEvents(opened(subtree, List.of("set-goals", "formulate", "deep"), SEALED, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenWorkshop_whenOpeningRoundOverCategoryOrOneCapability_thenResolvedFromModel() {
        RoundScope category = new RoundScope(RoundScope.Kind.CATEGORY, "core");
        fixture.given(created())
                .when(new OpenRoundCommand(WORKSHOP, ROUND, "admin", category, SEALED))
                .expectEvents(opened(category, List.of("operate"), SEALED, null));
        RoundScope one = new RoundScope(RoundScope.Kind.CAPABILITY, "formulate");
        fixture.given(created())
                .when(new OpenRoundCommand(WORKSHOP, ROUND, "admin", one, SEALED))
                .expectEvents(opened(one, List.of("formulate"), SEALED, null));
    }

    @Test
    void givenTimeLimit_whenRoundOpens_thenDeadlineScheduled() {
        RoundSettings timed = new RoundSettings(RoundSettings.RatingMode.OVERALL, false, true, 60);
        fixture.given(created())
                .when(new OpenRoundCommand(WORKSHOP, ROUND, "admin", RoundScope.all(), timed))
                .expectEvents(opened(RoundScope.all(), List.of("set-goals", "formulate", "deep", "operate"), timed,
                        NOW.plusSeconds(60)))
                .expectScheduledDeadlineWithName(NOW.plusSeconds(60), Workshop.ROUND_DEADLINE);
    }

    @Test
    void givenTimedRound_whenTimeRunsOut_thenTimedOutAtItsDeadline() {
        RoundSettings timed = new RoundSettings(RoundSettings.RatingMode.OVERALL, false, true, 60);
        fixture.given(created())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new OpenRoundCommand(WORKSHOP, ROUND, "admin", RoundScope.all(), timed))
                .whenThenTimeElapses(Duration.ofSeconds(61))
                .expectDeadlinesMet(ROUND)
                .expectEvents(new RoundTimedOutEvent(WORKSHOP, ROUND, NOW.plusSeconds(60)));
    }

    @Test
    void givenOtherFacilitatorOrParticipant_whenOpeningRound_thenForbidden() {
        fixture.given(created())
                .when(new OpenRoundCommand(WORKSHOP, ROUND, "mallory", RoundScope.all(), SEALED))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOpenRound_whenOpeningAnother_thenConflict() {
        fixture.given(created(), openedOverAll())
                .when(new OpenRoundCommand(WORKSHOP, new RoundId("r2"), "admin", RoundScope.all(), SEALED))
                .expectException(DomainException.class).expectExceptionMessage("close the open round before opening another")
                .expectNoEvents();
    }

    @Test
    void givenUnknownScope_whenOpeningRound_thenNotFound() {
        fixture.given(created())
                .when(new OpenRoundCommand(WORKSHOP, ROUND, "admin",
                        new RoundScope(RoundScope.Kind.CATEGORY, "no-such"), SEALED))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOpenRound_whenParticipantRates_thenRatedInThatRound() {
        fixture.given(created(), annaJoined(), openedOverAll())
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", new Score(3)))
                .expectEvents(new CapabilityRatedEvent(WORKSHOP, ANNA, "operate", 3, null, NOW, ROUND, null));
    }

    @Test
    void givenFreeRatingBeforeRounds_whenRatingInRound_thenPreviousOfThatRoundOnly() {
        fixture.given(created(), annaJoined(), new CapabilityRatedEvent(WORKSHOP, ANNA, "operate", 5, null, NOW),
                        openedOverAll(), new CapabilityRatedEvent(WORKSHOP, ANNA, "operate", 2, null, NOW, ROUND, null))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", new Score(4)))
                .expectEvents(new CapabilityRatedEvent(WORKSHOP, ANNA, "operate", 4, 2, NOW, ROUND, null));
    }

    @Test
    void givenRoundsRunAndNoneOpen_whenRating_thenConflict() {
        fixture.given(created(), annaJoined(), openedOverAll(), new RoundClosedEvent(WORKSHOP, ROUND, NOW))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", new Score(4)))
                .expectException(DomainException.class).expectExceptionMessage("ratings are taken only while a round is open")
                .expectNoEvents();
    }

    @Test
    void givenRoundOverSubtree_whenRatingOutside_thenConflict() {
        fixture.given(created(), annaJoined(), opened(new RoundScope(RoundScope.Kind.SUBTREE, "set-goals"),
                        List.of("set-goals", "formulate", "deep"), SEALED, null))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", new Score(4)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenRoundPastItsDeadline_whenRatingBeforeTimerFired_thenConflict() {
        RoundSettings timed = new RoundSettings(RoundSettings.RatingMode.OVERALL, false, true, 60);
        fixture.given(created(), annaJoined(), new RoundOpenedEvent(WORKSHOP, ROUND, 1, RoundScope.all(),
                        List.of("operate"), timed, NOW.minusSeconds(120), NOW.minusSeconds(60)))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", new Score(4)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenPerDimensionRound_whenRatingADimension_thenRatedWithIt() {
        fixture.given(created(), annaJoined(), opened(RoundScope.all(), List.of("operate"), PER_DIMENSION, null))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", "people", new Score(2)))
                .expectEvents(new CapabilityRatedEvent(WORKSHOP, ANNA, "operate", 2, null, NOW, ROUND, "people"));
    }

    @Test
    void givenPerDimensionRound_whenRatingOverallOrUnknownDimension_thenRefused() {
        fixture.given(created(), annaJoined(), opened(RoundScope.all(), List.of("operate"), PER_DIMENSION, null))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", new Score(2)))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created(), annaJoined(), opened(RoundScope.all(), List.of("operate"), PER_DIMENSION, null))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", "money", new Score(2)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOverallRoundOrFreeRating_whenRatingADimension_thenRefused() {
        fixture.given(created(), annaJoined(), openedOverAll())
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", "people", new Score(2)))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created(), annaJoined())
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", "people", new Score(2)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenOpenRound_whenClosedTwice_thenClosedOnce() {
        fixture.given(created(), openedOverAll())
                .when(new CloseRoundCommand(WORKSHOP, ROUND, "admin"))
                .expectEvents(new RoundClosedEvent(WORKSHOP, ROUND, NOW));
        fixture.given(created(), openedOverAll(), new RoundClosedEvent(WORKSHOP, ROUND, NOW))
                .when(new CloseRoundCommand(WORKSHOP, ROUND, "admin"))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void givenOpenRound_whenRevealed_thenConflictUntilClosed() {
        fixture.given(created(), openedOverAll())
                .when(new RevealRoundCommand(WORKSHOP, ROUND, "admin"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created(), openedOverAll(), new RoundClosedEvent(WORKSHOP, ROUND, NOW))
                .when(new RevealRoundCommand(WORKSHOP, ROUND, "admin"))
                .expectEvents(new RoundRevealedEvent(WORKSHOP, ROUND, NOW));
        fixture.given(created(), openedOverAll(), new RoundClosedEvent(WORKSHOP, ROUND, NOW),
                        new RoundRevealedEvent(WORKSHOP, ROUND, NOW))
                .when(new RevealRoundCommand(WORKSHOP, ROUND, "admin"))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void givenUnknownRound_whenClosedOrRevealed_thenNotFound() {
        fixture.given(created())
                .when(new CloseRoundCommand(WORKSHOP, ROUND, "admin"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created())
                .when(new RevealRoundCommand(WORKSHOP, ROUND, "admin"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenClosedRound_whenOpeningNext_thenNumberedTwo() {
        RoundId second = new RoundId("r2");
        fixture.given(created(), openedOverAll(), new RoundClosedEvent(WORKSHOP, ROUND, NOW))
                .when(new OpenRoundCommand(WORKSHOP, second, "admin", RoundScope.all(), SEALED))
                .expectEvents(new RoundOpenedEvent(WORKSHOP, second, 2, RoundScope.all(),
                        List.of("set-goals", "formulate", "deep", "operate"), SEALED, NOW, null));
    }

    @Test
    void givenRetiredCapability_whenRated_thenConflict_andRoundsSkipIt() {
        WorkshopModelChangedEvent retired = new WorkshopModelChangedEvent(WORKSHOP,
                new ModelChange(ModelChange.Kind.RETIRED, "operate"), MODEL.withRetired("operate"), NOW);
        fixture.given(created(), annaJoined(), retired)
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "operate", new Score(4)))
                .expectException(DomainException.class).expectExceptionMessage("the capability is retired and takes no ratings")
                .expectNoEvents();
        fixture.given(created(), retired)
                .when(new OpenRoundCommand(WORKSHOP, ROUND, "admin", RoundScope.all(), SEALED))
                .expectEvents(opened(RoundScope.all(), List.of("set-goals", "formulate", "deep"), SEALED, null));
    }

    @Test
    void givenAddedCapability_whenRated_thenAccepted() {
        CapabilityModel added = MODEL.withAdded("core", null, "security", new LocalizedText("Säkerhet", "Security"));
        fixture.given(created(), annaJoined(), new WorkshopModelChangedEvent(WORKSHOP,
                        new ModelChange(ModelChange.Kind.ADDED, "security"), added, NOW))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "security", new Score(2)))
                .expectEvents(new CapabilityRatedEvent(WORKSHOP, ANNA, "security", 2, null, NOW));
    }

    @Test
    void givenParticipant_whenVotingModeTwiceAndChanging_thenVotesAndReplacement() {
        fixture.given(created(), annaJoined())
                .when(new VoteResponsibilityModeCommand(WORKSHOP, ANNA, "operate", ResponsibilityMode.COLLABORATION))
                .expectEvents(new ResponsibilityModeVotedEvent(WORKSHOP, ANNA, "operate",
                        ResponsibilityMode.COLLABORATION, null, NOW));
        fixture.given(created(), annaJoined(), new ResponsibilityModeVotedEvent(WORKSHOP, ANNA, "operate",
                        ResponsibilityMode.COLLABORATION, null, NOW))
                .when(new VoteResponsibilityModeCommand(WORKSHOP, ANNA, "operate", ResponsibilityMode.OWN))
                .expectEvents(new ResponsibilityModeVotedEvent(WORKSHOP, ANNA, "operate", ResponsibilityMode.OWN,
                        ResponsibilityMode.COLLABORATION, NOW));
        fixture.given(created(), annaJoined(), new ResponsibilityModeVotedEvent(WORKSHOP, ANNA, "operate",
                        ResponsibilityMode.OWN, null, NOW))
                .when(new VoteResponsibilityModeCommand(WORKSHOP, ANNA, "operate", ResponsibilityMode.OWN))
                .expectNoEvents();
    }

    @Test
    void givenFacilitator_whenRecordingAgreedMode_thenRecorded_andOthersRefused() {
        fixture.given(created())
                .when(new RecordAgreedModeCommand(WORKSHOP, "admin", "operate", ResponsibilityMode.PROCUREMENT))
                .expectEvents(new AgreedModeRecordedEvent(WORKSHOP, "operate", ResponsibilityMode.PROCUREMENT, NOW));
        fixture.given(created())
                .when(new RecordAgreedModeCommand(WORKSHOP, "mallory", "operate", ResponsibilityMode.PROCUREMENT))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created())
                .when(new RecordAgreedModeCommand(WORKSHOP, "admin", "no-such", ResponsibilityMode.PROCUREMENT))
                .expectException(DomainException.class).expectNoEvents();
    }
}
