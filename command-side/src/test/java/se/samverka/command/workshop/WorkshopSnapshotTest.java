package se.samverka.command.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.OrganisationList;
import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.EraseParticipantCommand;
import se.samverka.kernel.workshop.JoinWorkshopCommand;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantErasedEvent;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.ParticipantRemovedEvent;
import se.samverka.kernel.workshop.RateCapabilityCommand;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;
import se.samverka.kernel.workshop.Score;
import se.samverka.kernel.workshop.VoteResponsibilityModeCommand;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * A workshop loaded from its snapshot decides as the one loaded from all its events: the
 * snapshot survives the JSON round trip of the snapshot table, and the aggregate rebuilt from
 * it refuses and accepts the same commands.
 */
class WorkshopSnapshotTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final ParticipantId BO = new ParticipantId("bo");
    private static final ParticipantId CARL = new ParticipantId("carl");
    private static final RoundId ROUND = new RoundId("r1");

    private FixtureConfiguration<Workshop> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workshop.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(PersonalDataCipher.PLAIN);
        fixture.registerInjectableResource((ProjectOrganisations) project -> OrganisationList.OPEN);
    }

    /**
     * Free ratings with a replacement, mode votes and an agreed mode, a round opened and closed,
     * a participant removed and one erased.
     */
    private static Workshop rebuiltFromEvents() {
        Workshop workshop = new Workshop();
        workshop.on(new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Förmågor", "ABC234", "admin",
                WorkshopTest.MODEL, NOW), 0);
        workshop.on(new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Uddevalla", NOW), 1);
        workshop.on(new ParticipantJoinedEvent(WORKSHOP, BO, "Bo", "Tanum", NOW), 2);
        workshop.on(new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 4, null, NOW), 3);
        workshop.on(new CapabilityRatedEvent(WORKSHOP, BO, "formulate", 2, null, NOW), 4);
        workshop.on(new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 5, 4, NOW), 5);
        workshop.on(new ResponsibilityModeVotedEvent(WORKSHOP, BO, "formulate", ResponsibilityMode.OWN, null, NOW),
                6);
        workshop.on(new AgreedModeRecordedEvent(WORKSHOP, "set-goals", ResponsibilityMode.COLLABORATION, NOW), 7);
        workshop.on(new RoundOpenedEvent(WORKSHOP, ROUND, 1, RoundScope.all(), List.of("set-goals", "formulate"),
                new RoundSettings(RoundSettings.RatingMode.OVERALL, false, true, null), NOW, null), 8);
        workshop.on(new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 3, null, NOW, ROUND, null), 9);
        workshop.on(new RoundClosedEvent(WORKSHOP, ROUND, NOW), 10);
        workshop.on(new ParticipantJoinedEvent(WORKSHOP, CARL, "Carl", "Åmål", NOW), 11);
        workshop.on(new ParticipantRemovedEvent(WORKSHOP, CARL, NOW), 12);
        workshop.on(new ParticipantErasedEvent(WORKSHOP, BO, "admin", NOW), 13);
        return workshop;
    }

    private static WorkshopSnapshot throughJson(WorkshopSnapshot snapshot) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
        SerializedObject<byte[]> stored = serializer.serialize(snapshot, byte[].class);
        return serializer.deserialize(stored);
    }

    @Test
    void givenASnapshot_whenStoredAsJsonAndLoaded_thenTheWorkshopHoldsTheSameState() {
        WorkshopSnapshot snapshot = rebuiltFromEvents().snapshot();

        Workshop loaded = new Workshop();
        loaded.on(throughJson(snapshot));
        WorkshopSnapshot again = loaded.snapshot();

        assertThat(again.version()).isEqualTo(13);
        assertThat(again.workshopId()).isEqualTo(snapshot.workshopId());
        assertThat(again.projectId()).isEqualTo(new ProjectId("p1"));
        assertThat(again.erased()).containsExactly(BO);
        assertThat(again.removed()).containsExactly(CARL);
        assertThat(again.facilitator()).isEqualTo(snapshot.facilitator());
        assertThat(again.capabilities()).isEqualTo(snapshot.capabilities());
        assertThat(again.dimensionIds()).isEqualTo(snapshot.dimensionIds());
        assertThat(again.participants()).containsExactlyInAnyOrderElementsOf(snapshot.participants());
        assertThat(again.ratings()).hasSize(3).containsExactlyInAnyOrderElementsOf(snapshot.ratings());
        assertThat(again.modes()).containsExactlyInAnyOrderElementsOf(snapshot.modes());
        assertThat(again.agreedModes()).isEqualTo(snapshot.agreedModes());
        assertThat(again.rounds()).containsExactlyInAnyOrderElementsOf(snapshot.rounds());
        assertThat(again.openRound()).isNull();
        assertThat(again.scenarios()).isEqualTo(snapshot.scenarios());
    }

    @Test
    void givenOnlyTheSnapshot_whenARatingComesAfterTheRoundClosed_thenRefusedAsFromTheEvents() {
        fixture.given(throughJson(rebuiltFromEvents().snapshot()))
                .when(new RateCapabilityCommand(WORKSHOP, ANNA, "set-goals", new Score(1)))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenOnlyTheSnapshot_whenAKnownParticipantJoinsAgain_thenNothingChangesAndTheVersionIsTheSnapshots() {
        fixture.given(throughJson(rebuiltFromEvents().snapshot()))
                .when(new JoinWorkshopCommand(WORKSHOP, BO, "Bo", "Tanum"))
                .expectNoEvents()
                .expectResultMessagePayload(13L);
    }

    @Test
    void givenOnlyTheSnapshot_whenARemovedParticipantJoinsAgain_thenRefusedAsFromTheEvents() {
        fixture.given(throughJson(rebuiltFromEvents().snapshot()))
                .when(new JoinWorkshopCommand(WORKSHOP, CARL, "Carl", "Åmål"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenOnlyTheSnapshot_whenAnErasedParticipantIsErasedAgain_thenNothingChanges() {
        fixture.given(throughJson(rebuiltFromEvents().snapshot()))
                .when(new EraseParticipantCommand(WORKSHOP, "admin", BO))
                .expectNoEvents()
                .expectResultMessagePayload(13L);
    }

    @Test
    void givenOnlyTheSnapshot_whenAModeVoteChanges_thenThePreviousModeComesFromTheSnapshot() {
        fixture.given(throughJson(rebuiltFromEvents().snapshot()))
                .when(new VoteResponsibilityModeCommand(WORKSHOP, BO, "formulate", ResponsibilityMode.PROCUREMENT))
                .expectEvents(new ResponsibilityModeVotedEvent(WORKSHOP, BO, "formulate",
                        ResponsibilityMode.PROCUREMENT, ResponsibilityMode.OWN, NOW));
    }
}
