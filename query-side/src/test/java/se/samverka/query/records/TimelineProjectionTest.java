package se.samverka.query.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.records.ActivityRemovedEvent;
import se.samverka.kernel.records.ActivitySetEvent;
import se.samverka.kernel.records.OrganisationsSetEvent;
import se.samverka.kernel.records.ProjectRecordsEvent;
import se.samverka.kernel.records.StatusLight;
import se.samverka.kernel.records.StatusReportedEvent;
import se.samverka.kernel.records.StatusRow;
import se.samverka.kernel.workshop.WorkshopId;
import se.samverka.query.live.LivePublisher;

/**
 * Given the timeline's and the organisations' events, then the records read model and its pushes;
 * and the records rebuilt at an earlier version from the events, as a decision's evidence reads them.
 */
class TimelineProjectionTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final ProjectId PROJECT = new ProjectId("p1");
    private static final WorkshopId WORKSHOP = new WorkshopId("w1");

    private MongoServer server;
    private MongoClient client;
    private RecordsProjection records;
    private final List<Message<?>> pushed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoDatabase database = client.getDatabase("timeline-test");
        records = new RecordsProjection(database,
                new LivePublisher(new SimpMessagingTemplate((message, timeout) -> pushed.add(message))));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void givenActivitiesOutOfOrderAndChanged_thenKeptInNumberOrder_withTheirWeeks_onePushEach() {
        records.on(new ActivitySetEvent(PROJECT, "A10", "Sammanställ scenario 3 och 4", "2021-W02", "2021-W04",
                "admin", NOW), 0);
        records.on(new ActivitySetEvent(PROJECT, "A2", "Workshop sakkunniga", "2020-W42", "2020-W44", "admin", NOW),
                1);
        records.on(new ActivitySetEvent(PROJECT, "A2", "Workshop sakkunniga", "2020-W42", "2020-W45", "admin", NOW),
                2);
        records.on(new ActivitySetEvent(PROJECT, "A2", "Workshop sakkunniga", "2020-W42", "2020-W45", "admin", NOW),
                2);

        RecordsView view = records.find("p1").orElseThrow();
        assertThat(view.activities()).extracting(RecordsView.ActivityView::id).containsExactly("A2", "A10");
        assertThat(view.activities().get(0).endWeek()).isEqualTo("2020-W45");
        assertThat(view.version()).isEqualTo(2);
        assertThat(pushed).as("one push per event, none for the repeat").hasSize(3);
    }

    @Test
    void givenTwoActivities_whenOneIsRemoved_thenOnlyTheOtherIsLeft_andTheRemovalIsPushed() {
        records.on(new ActivitySetEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43", "admin", NOW), 0);
        records.on(new ActivitySetEvent(PROJECT, "A2", "Workshop sakkunniga", "2020-W42", "2020-W44", "admin", NOW),
                1);
        records.on(new ActivityRemovedEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43", "admin", NOW), 2);

        RecordsView view = records.find("p1").orElseThrow();
        assertThat(view.activities()).extracting(RecordsView.ActivityView::id).containsExactly("A2");
        assertThat(view.version()).isEqualTo(2);
        assertThat(pushed).hasSize(3);
        RecordsProjection.RecordsLiveMessage last = (RecordsProjection.RecordsLiveMessage) pushed.get(2).getPayload();
        assertThat(last.type()).isEqualTo("records.activity-removed");
        assertThat(last.records().activities()).extracting(RecordsView.ActivityView::id).containsExactly("A2");
    }

    @Test
    void givenOrganisations_thenTheListAndWhetherOthersAreAllowed() {
        assertThat(RecordsView.empty("p1").organisations()).isEqualTo(RecordsView.OrganisationsView.OPEN);
        records.on(new OrganisationsSetEvent(PROJECT, List.of("Uddevalla", "Åmål"), false, "admin", NOW), 0);
        RecordsView.OrganisationsView organisations = records.find("p1").orElseThrow().organisations();
        assertThat(organisations.names()).containsExactly("Uddevalla", "Åmål");
        assertThat(organisations.allowOther()).isFalse();
    }

    @Test
    void givenTheRecordsMovedOn_whenReadAtAnEarlierVersion_thenAsTheyStoodThen() {
        EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<ProjectRecordsEvent> events = List.of(
                new StatusReportedEvent(PROJECT, WORKSHOP, LocalDate.of(2020, 10, 2),
                        List.of(new StatusRow("Budget", StatusLight.ON_TRACK, null, null, null)), "admin", NOW),
                new ActivitySetEvent(PROJECT, "A1", "Intervjuer", "2020-W41", "2020-W43", "admin", NOW),
                new StatusReportedEvent(PROJECT, WORKSHOP, LocalDate.of(2020, 10, 2),
                        List.of(new StatusRow("Budget", StatusLight.MAJOR, "Över budget", null, null)), "admin", NOW));
        for (int i = 0; i < events.size(); i++) {
            store.publish(new GenericDomainEventMessage<>("ProjectRecords", "p1-records", i, events.get(i)));
        }
        RecordsReplay replay = new RecordsReplay(store);

        RecordsView then = replay.atVersion("p1", 1);
        assertThat(then.version()).isEqualTo(1);
        assertThat(then.statusReports().get(0).rows().get(0).light()).isEqualTo("ON_TRACK");
        assertThat(then.activities()).hasSize(1);
        assertThat(replay.atVersion("p1", 2).statusReports().get(0).rows().get(0).light()).isEqualTo("MAJOR");
        assertThatThrownBy(() -> replay.atVersion("p1", 3)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> replay.atVersion("other", 0)).isInstanceOf(DomainException.class);
    }
}
