package se.samverka.query.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.capability.ModelChange;
import se.samverka.kernel.workshop.AgreedModeRecordedEvent;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ResponsibilityMode;
import se.samverka.kernel.workshop.ResponsibilityModeVotedEvent;
import se.samverka.kernel.workshop.RoundClosedEvent;
import se.samverka.kernel.workshop.RoundId;
import se.samverka.kernel.workshop.RoundOpenedEvent;
import se.samverka.kernel.workshop.RoundRevealedEvent;
import se.samverka.kernel.workshop.RoundScope;
import se.samverka.kernel.workshop.RoundSettings;
import se.samverka.kernel.workshop.RoundTimedOutEvent;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.ScenarioDefinedEvent;
import se.samverka.kernel.workshop.ScenarioId;
import se.samverka.kernel.workshop.ScenarioVoteCastEvent;
import se.samverka.kernel.workshop.ScenarioVoteClosedEvent;
import se.samverka.kernel.workshop.ScenarioVoteMethod;
import se.samverka.kernel.workshop.ScenarioVoteOpenedEvent;
import se.samverka.kernel.workshop.ScenarioVoteRevealedEvent;
import se.samverka.kernel.workshop.WorkshopModelChangedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.ParticipantJoinedEvent;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopEvent;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LivePublisher;

/**
 * Replay against the live projection: after every event, the replayed view equals the view the
 * projection had stored at that point. Axon's in-memory event store stands in for the JDBC one.
 */
class WorkshopReplayTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");
    private static final ParticipantId ANNA = new ParticipantId("anna");
    private static final ParticipantId BO = new ParticipantId("bo");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("Modell", "Model"),
            List.of(), List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"), List.of(
                    new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), List.of(
                            new CapabilityNode("formulate", new LocalizedText("Formulera", "Formulate"), null)))))));

    private MongoServer server;
    private MongoClient client;
    private WorkshopViews views;
    private WorkshopProjection projection;
    private EmbeddedEventStore store;
    private WorkshopReplay replay;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        views = new WorkshopViews(client.getDatabase("replay-test"));
        projection = new WorkshopProjection(views, new LivePublisher(new SimpMessagingTemplate((m, t) -> true)));
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        replay = new WorkshopReplay(store);
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
        client.close();
        server.shutdownNow();
    }

    private List<WorkshopView> givenStoredAndProjected(WorkshopEvent... events) {
        List<WorkshopView> seen = new ArrayList<>();
        for (int version = 0; version < events.length; version++) {
            WorkshopEvent event = events[version];
            store.publish(new GenericDomainEventMessage<>("Workshop", "w1", version, event, MetaData.emptyInstance(),
                    "e" + version, T0.plusSeconds(60L * version)));
            ProjectionDriver.apply(projection, event, version);
            seen.add(views.find("w1").orElseThrow());
        }
        return seen;
    }

    private static WorkshopEvent[] aMeeting() {
        return new WorkshopEvent[] {
            new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Förmågor", "ABC234", "admin", MODEL, T0),
            new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Uddevalla", T0),
            new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 2, null, T0),
            new ParticipantJoinedEvent(WORKSHOP, BO, "Bo", "Tanum", T0),
            new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 5, null, T0),
            new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 4, 2, T0),
            new CapabilityRatedEvent(WORKSHOP, BO, "formulate", 1, null, T0)};
    }

    @Test
    void givenAMeeting_whenReplayedToEachEvent_thenTheViewIsWhatTheProjectionHeldThen() {
        List<WorkshopView> projected = givenStoredAndProjected(aMeeting());

        for (int version = 0; version < projected.size(); version++) {
            WorkshopReplay.Replayed replayed = replay.atVersion("w1", version);
            assertThat(replayed.workshop()).as("version " + version).isEqualTo(projected.get(version));
            assertThat(replayed.latestVersion()).isEqualTo(6);
            assertThat(replayed.occurredAt()).isEqualTo(T0.plusSeconds(60L * version));
        }
        assertThat(replay.latest("w1").workshop()).isEqualTo(views.find("w1").orElseThrow());
    }

    private static WorkshopEvent[] aMeetingWithRoundsScenariosAndAnEditedModel() {
        RoundId round = new RoundId("r1");
        RoundId vote = new RoundId("v1");
        Scenario soc = new Scenario(new ScenarioId("soc"), "Gemensam SOC", "", List.of("set-goals"), 2_500_000,
                Scenario.CostKind.ONE_OFF, 12, Scenario.Priority.HIGH);
        Scenario portfolio = new Scenario(new ScenarioId("portfolio"), "Portfölj", "", List.of("formulate"),
                3_000_000, Scenario.CostKind.ONE_OFF, 18, Scenario.Priority.LOW);
        CapabilityModel edited = MODEL.withAdded("core", null, "cloud", new LocalizedText("Moln", "Cloud"));
        return new WorkshopEvent[] {
            new WorkshopCreatedEvent(WORKSHOP, new ProjectId("p1"), "Förmågor", "ABC234", "admin", MODEL, T0),
            new ParticipantJoinedEvent(WORKSHOP, ANNA, "Anna", "Uddevalla", T0),
            new ParticipantJoinedEvent(WORKSHOP, BO, "Bo", "Tanum", T0),
            new RoundOpenedEvent(WORKSHOP, round, 1, RoundScope.all(), List.of("set-goals", "formulate"),
                    RoundSettings.defaults(), T0, null),
            new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 2, null, T0, round, null),
            new CapabilityRatedEvent(WORKSHOP, BO, "set-goals", 5, null, T0, round, null),
            new CapabilityRatedEvent(WORKSHOP, ANNA, "set-goals", 3, 2, T0, round, null),
            new RoundClosedEvent(WORKSHOP, round, T0),
            new RoundRevealedEvent(WORKSHOP, round, T0),
            new ResponsibilityModeVotedEvent(WORKSHOP, ANNA, "set-goals", ResponsibilityMode.OWN, null, T0),
            new AgreedModeRecordedEvent(WORKSHOP, "set-goals", ResponsibilityMode.COLLABORATION, T0),
            new ScenarioDefinedEvent(WORKSHOP, soc, T0),
            new ScenarioDefinedEvent(WORKSHOP, portfolio, T0),
            new ScenarioVoteOpenedEvent(WORKSHOP, vote, ScenarioVoteMethod.DOTS, 3, true, List.of("soc", "portfolio"),
                    T0),
            new ScenarioVoteCastEvent(WORKSHOP, ANNA, vote, Map.of("soc", 3), null, null, null, T0),
            new ScenarioVoteClosedEvent(WORKSHOP, vote, T0),
            new ScenarioVoteRevealedEvent(WORKSHOP, vote, T0),
            new WorkshopModelChangedEvent(WORKSHOP, new ModelChange(ModelChange.Kind.ADDED, "cloud"), edited, T0),
            new RoundTimedOutEvent(WORKSHOP, round, T0)};
    }

    @Test
    void givenRoundsScenariosAndAnEditedModel_whenReplayedToEachEvent_thenTheViewIsWhatTheProjectionHeldThen() {
        List<WorkshopView> projected = givenStoredAndProjected(aMeetingWithRoundsScenariosAndAnEditedModel());

        for (int version = 0; version < projected.size(); version++) {
            assertThat(replay.atVersion("w1", version).workshop()).as("version " + version)
                    .isEqualTo(projected.get(version));
        }
    }

    @Test
    void givenAMoment_whenReplayed_thenTheLastEventAtOrBeforeItCounts() {
        List<WorkshopView> projected = givenStoredAndProjected(aMeeting());

        assertThat(replay.atMoment("w1", T0.plusSeconds(150)).workshop()).isEqualTo(projected.get(2));
        assertThat(replay.atMoment("w1", T0.plusSeconds(180)).version()).isEqualTo(3);
        assertThatThrownBy(() -> replay.atMoment("w1", T0.minusSeconds(1))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> replay.atVersion("w1", 7)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> replay.atVersion("w1", -1)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> replay.latest("nothing")).isInstanceOf(DomainException.class);
    }

    @Test
    void everyKindOfWorkshopEventHasAReplayStep() {
        List<Class<?>> handled = new ArrayList<>(WorkshopReplay.STEPS.keySet());
        assertThat(handled).containsExactlyInAnyOrder(WorkshopEvent.class.getPermittedSubclasses());
    }
}
