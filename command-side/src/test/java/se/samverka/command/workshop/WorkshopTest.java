package se.samverka.command.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.OrganisationList;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.EraseParticipantCommand;
import se.samverka.kernel.workshop.JoinWorkshopCommand;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.Score;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

class WorkshopTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ProjectId PROJECT = new ProjectId("p1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"), List.of(),
            List.of(new CapabilityCategory("core", new LocalizedText("Kärnförmågor", "Core"), List.of(
                    new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), List.of(
                            new CapabilityNode("formulate", new LocalizedText("Formulera", "Formulate"), null)))))));

    private FixtureConfiguration<Workshop> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workshop.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PersonalDataCipher.PLAIN);
        fixture.registerInjectableResource((ProjectOrganisations) project -> OrganisationList.OPEN);
    }

    private static WorkshopCreatedEvent created() {
        return new WorkshopCreatedEvent(WORKSHOP, PROJECT, "Förmågor", "ABC234", "admin", MODEL, NOW);
    }

    private static ParticipantJoinedEvent annaJoined() {
        return new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Uddevalla", NOW);
    }

    @Test
    void givenNothing_whenConstructed_thenWorkshopCreated() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Workshop(WORKSHOP, PROJECT, "  Förmågor ", "ABC234", "admin", MODEL, NOW))
                .expectEvents(created());
    }

    @Test
    void givenNothing_whenConstructedWithBlankTitle_thenRefused() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Workshop(WORKSHOP, PROJECT, "  ", "ABC234", "admin", MODEL, NOW))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenWorkshop_whenParticipantJoins_thenJoinedWithTrimmedName() {
        fixture.given(created())
                .when(new JoinWorkshopCommand(WORKSHOP, ANNA, " Anna ", "Uddevalla"))
                .expectEvents(annaJoined())
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenParticipantJoined_whenFacilitatorErasesThem_thenErasedOnceAndNothingPersonalInTheEvent() {
        fixture.given(created(), annaJoined())
                .when(new EraseParticipantCommand(WORKSHOP, "admin", ANNA))
                .expectEvents(new ParticipantErasedEvent(WORKSHOP, ANNA, "admin", NOW))
                .expectResultMessagePayload(2L);
        fixture.given(created(), annaJoined(), new ParticipantErasedEvent(WORKSHOP, ANNA, "admin", NOW))
                .when(new EraseParticipantCommand(WORKSHOP, "admin", ANNA))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenParticipantJoined_whenSomeoneElseErasesThemOrAnUnknownIsErased_thenRefused() {
        fixture.given(created(), annaJoined())
                .when(new EraseParticipantCommand(WORKSHOP, "other", ANNA))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created(), annaJoined())
                .when(new EraseParticipantCommand(WORKSHOP, "admin", new ParticipantId("nobody")))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenParticipantJoined_whenFacilitatorRemovesThem_thenRemoved() {
        fixture.given(created(), annaJoined())
                .whenInvoking("w1", workshop -> workshop.removeParticipant(ANNA, "admin", NOW))
                .expectEvents(new ParticipantRemovedEvent(WORKSHOP, ANNA, NOW));
    }

    @Test
    void givenParticipantJoined_whenAnotherFacilitatorRemovesThem_thenRefused() {
        fixture.given(created(), annaJoined())
                .whenInvoking("w1", workshop -> workshop.removeParticipant(ANNA, "mallory", NOW))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenWorkshop_whenUnknownParticipantRemoved_thenNotFound() {
        fixture.given(created())
                .whenInvoking("w1", workshop -> workshop.removeParticipant(ANNA, "admin", NOW))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenParticipantRemoved_whenRemovedAgain_thenNothingChanges() {
        fixture.given(created(), annaJoined(), new ParticipantRemovedEvent(WORKSHOP, ANNA, NOW))
                .whenInvoking("w1", workshop -> workshop.removeParticipant(ANNA, "admin", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenParticipantRemoved_whenTheyJoinAgain_thenRefused() {
        fixture.given(created(), annaJoined(), new ParticipantRemovedEvent(WORKSHOP, ANNA, NOW))
                .when(new JoinWorkshopCommand(WORKSHOP, ANNA, "Anna", "Uddevalla"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenParticipantJoined_whenSameParticipantJoinsAgain_thenNothingChanges() {
        fixture.given(created(), annaJoined())
                .when(new JoinWorkshopCommand(WORKSHOP, ANNA, "Anna", "Uddevalla"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenWorkshop_whenJoiningWithBlankOrLongName_thenRefused() {
        fixture.given(created())
                .when(new JoinWorkshopCommand(WORKSHOP, ANNA, " ", null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created())
                .when(new JoinWorkshopCommand(WORKSHOP, ANNA, "x".repeat(81), null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(created())
                .when(new JoinWorkshopCommand(WORKSHOP, ANNA, "Anna", "x".repeat(121)))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenParticipant_whenRating_thenRatedWithoutPrevious() {
        fixture.given(created(), annaJoined())
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "formulate", new Score(4)))
                .expectEvents(new CapabilityRatedEvent(WORKSHOP, ANNA, "formulate", 4, null, NOW))
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenRating_whenRatingAgainDifferently_thenReplacesWithPrevious() {
        fixture.given(created(), annaJoined(), new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 2, null, NOW))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "set-goals", new Score(5)))
                .expectEvents(new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 5, 2, NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenRating_whenRatingAgainTheSame_thenNoEvent() {
        fixture.given(created(), annaJoined(), new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 2, null, NOW))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "set-goals", new Score(2)))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void givenWorkshop_whenStrangerRates_thenForbidden() {
        fixture.given(created(), annaJoined())
                .when(new RateCapabilityCommand(WORKSHOP, new ParticipantId("mallory"), "set-goals", new Score(3)))
                .expectNoEvents()
                .expectExceptionMessage("only a participant of this workshop may do this")
                .expectException(DomainException.class);
    }

    @Test
    void givenParticipant_whenRatingUnknownCapability_thenNotFound() {
        fixture.given(created(), annaJoined())
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "no-such", new Score(3)))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void givenModel_whenListingIds_thenSubCapabilitiesIncluded() {
        assertThat(MODEL.capabilityIds()).containsExactlyInAnyOrder("set-goals", "formulate");
    }

    @Test
    void givenAProjectWithAClosedListOfOrganisations_whenAParticipantJoinsWithAnother_thenInvalid_andListedIsKept() {
        FixtureConfiguration<Workshop> listed = new AggregateTestFixture<>(Workshop.class);
        listed.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        listed.registerInjectableResource(PersonalDataCipher.PLAIN);
        listed.registerInjectableResource((ProjectOrganisations) project ->
                new OrganisationList(List.of("Uddevalla", "Åmål"), false));
        listed.given(created()).when(new JoinWorkshopCommand(WORKSHOP, ANNA, "Anna", "Göteborg"))
                .expectException(DomainException.class).expectNoEvents();
        listed.given(created()).when(new JoinWorkshopCommand(WORKSHOP, ANNA, "Anna", "åmål"))
                .expectEvents(new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Åmål", NOW));
    }
}
