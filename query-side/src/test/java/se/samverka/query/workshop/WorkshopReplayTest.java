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
import se.samverka.kernel.workshop.CapabilityRatedEvent;
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
            if (event instanceof WorkshopCreatedEvent e) {
                projection.on(e, version);
            } else if (event instanceof ParticipantJoinedEvent e) {
                projection.on(e, version);
            } else if (event instanceof CapabilityRatedEvent e) {
                projection.on(e, version);
            } else {
                throw new IllegalArgumentException(event.toString());
            }
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
