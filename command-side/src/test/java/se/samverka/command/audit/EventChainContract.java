package se.samverka.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.kernel.EventScope;
import se.samverka.kernel.capability.CapabilityCategory;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.CapabilityNode;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.processing.TrackingBatch;
import se.samverka.kernel.project.ProjectCreatedEvent;
import se.samverka.kernel.project.ProjectId;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The hash chain on every database Samverka supports: the V3 migration applies, events of a
 * project's aggregates are chained, an unaltered chain verifies, and a change made directly in
 * the database is found at exactly the event it touched.
 */
abstract class EventChainContract {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final CapabilityModel MODEL = new CapabilityModel("t", new LocalizedText("M", "M"), List.of(),
            List.of(new CapabilityCategory("core", new LocalizedText("Kärn", "Core"),
                    List.of(new CapabilityNode("set-goals", new LocalizedText("Sätta mål", "Set goals"), null)))));

    private JdbcEventStorageEngine engine;
    private JdbcTemplate jdbc;
    private EventChain chain;
    private String project;
    private String workshop;

    /** A database for one test class; the tests use fresh ids, so they share it. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").load().migrate();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .build();
        jdbc = new JdbcTemplate(dataSource());
        chain = new EventChain(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        project = UUID.randomUUID().toString();
        workshop = UUID.randomUUID().toString();
    }

    /** Appends the events and chains them as the chaining processor would. */
    private List<DomainEventMessage<?>> store(DomainEventMessage<?>... events) {
        engine.appendEvents(events);
        for (DomainEventMessage<?> event : events) {
            chain.append(event.getIdentifier(), event.getAggregateIdentifier(),
                    EventScope.projectOf(event.getPayload()));
        }
        return List.of(events);
    }

    private DomainEventMessage<?> projectCreated() {
        return new GenericDomainEventMessage<>("Project", project, 0,
                new ProjectCreatedEvent(new ProjectId(project), "Förstudie", MODEL, "admin", NOW),
                MetaData.with("actor", "facilitator:admin"));
    }

    private DomainEventMessage<?> workshopCreated() {
        return new GenericDomainEventMessage<>("Workshop", workshop, 0,
                new WorkshopCreatedEvent(new WorkshopId(workshop), new ProjectId(project), "Förmågor", "ABC234",
                        "admin", MODEL, NOW), MetaData.with("actor", "facilitator:admin"));
    }

    private DomainEventMessage<?> rated(long sequence, int score, Integer previous) {
        return new GenericDomainEventMessage<>("Workshop", workshop, sequence,
                new CapabilityRatedEvent(new WorkshopId(workshop), new ParticipantId("anna"), "set-goals", score,
                        previous, NOW), MetaData.with("actor", "participant:anna").and("requestId", "r" + sequence));
    }

    private List<DomainEventMessage<?>> aMeeting() {
        return store(projectCreated(), workshopCreated(), rated(1, 2, null), rated(2, 4, 2), rated(3, 5, 4));
    }

    @Test
    void givenUntouchedEvents_whenVerified_thenTheChainHoldsOverEveryEventOfTheProject() {
        aMeeting();

        ChainVerification result = chain.verify(project);

        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.pending()).isZero();
        assertThat(result.brokenAt()).isNull();
        assertThat(result.head().position()).isEqualTo(5);
        assertThat(result.head().hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void givenTwoProjects_whenChainedInTurnAndAfterARestart_thenEachChainGoesOnFromItsOwnHead() {
        aMeeting();
        String firstProject = project;
        project = UUID.randomUUID().toString();
        workshop = UUID.randomUUID().toString();
        store(projectCreated(), workshopCreated());
        // A restarted service has nothing in memory: the next entry must follow from the store alone.
        chain = new EventChain(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        store(rated(1, 3, null));

        ChainVerification second = chain.verify(project);
        ChainVerification first = chain.verify(firstProject);

        assertThat(second.intact()).isTrue();
        assertThat(second.checked()).isEqualTo(3);
        assertThat(second.head().position()).isEqualTo(3);
        assertThat(first.intact()).isTrue();
        assertThat(first.head().position()).isEqualTo(5);
    }

    @Test
    void givenTrackingBatches_whenChained_thenTheSameEntriesAsOneByOne_andABatchHandledAgainAddsNone() {
        List<DomainEventMessage<?>> events = List.of(projectCreated(), workshopCreated(), rated(1, 2, null),
                rated(2, 4, 2), rated(3, 5, 4));
        engine.appendEvents(events);
        for (DomainEventMessage<?> event : events) {
            chain.append(event.getIdentifier(), event.getAggregateIdentifier(),
                    EventScope.projectOf(event.getPayload()));
        }
        List<Map<String, Object>> oneByOne = entries();
        jdbc.update("DELETE FROM event_chain WHERE project_id = ?", project);
        jdbc.update("DELETE FROM event_chain_member WHERE project_id = ?", project);

        chainInBatch(events.subList(0, 2));
        chainInBatch(events.subList(2, 5));
        List<Map<String, Object>> batched = entries();
        chainInBatch(events.subList(1, 4));

        assertThat(batched).isEqualTo(oneByOne);
        assertThat(entries()).isEqualTo(oneByOne);
        assertThat(chain.verify(project).intact()).isTrue();
        assertThat(chain.verify(project).checked()).isEqualTo(5);
    }

    private List<Map<String, Object>> entries() {
        return jdbc.queryForList("SELECT global_index, event_identifier, chain_position, previous_hash, entry_hash "
                + "FROM event_chain WHERE project_id = ? ORDER BY chain_position", project);
    }

    /** Chains the events as one tracking batch of the chaining processor, through its batching. */
    private void chainInBatch(List<DomainEventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, List.of(TrackingBatch.interceptor(EventChain.BATCH,
                        EventChainConfiguration.batched(chain))),
                message -> {
                    DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                    chain.append(event.getIdentifier(), event.getAggregateIdentifier(),
                            EventScope.projectOf(event.getPayload()));
                    return null;
                }).proceed());
        assertThat(result.isExceptional()).as("batch failed: %s", result).isFalse();
    }

    @Test
    void givenEventDeliveredTwice_whenChained_thenOneEntry() {
        List<DomainEventMessage<?>> events = aMeeting();
        DomainEventMessage<?> again = events.get(3);

        boolean written = chain.append(again.getIdentifier(), again.getAggregateIdentifier(), Optional.empty());

        assertThat(written).isFalse();
        assertThat(chain.verify(project).checked()).isEqualTo(5);
    }

    @Test
    void givenPayloadChangedInTheDatabase_whenVerified_thenItBreaksAtThatEventAndHoldsAgainWhenRestored() {
        DomainEventMessage<?> changed = aMeeting().get(3);
        byte[] original = payloadOf(changed.getIdentifier());
        byte[] forged = new String(original, StandardCharsets.UTF_8).replace("\"score\":4", "\"score\":1")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(forged).isNotEqualTo(original);

        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?", forged,
                changed.getIdentifier());
        ChainVerification broken = chain.verify(project);

        assertThat(broken.intact()).isFalse();
        assertThat(broken.checked()).isEqualTo(3);
        assertThat(broken.brokenAt().eventIdentifier()).isEqualTo(changed.getIdentifier());
        assertThat(broken.brokenAt().aggregateIdentifier()).isEqualTo(workshop);
        assertThat(broken.brokenAt().sequenceNumber()).isEqualTo(2);
        assertThat(broken.brokenAt().position()).isEqualTo(4);
        assertThat(broken.brokenAt().reason()).isEqualTo("event-altered");

        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?", original,
                changed.getIdentifier());
        assertThat(chain.verify(project).intact()).isTrue();
    }

    @Test
    void givenMetadataChanged_whenVerified_thenItBreaksAtThatEvent() {
        DomainEventMessage<?> changed = aMeeting().get(2);

        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE eventIdentifier = ?",
                "{\"actor\":\"participant:bo\"}".getBytes(StandardCharsets.UTF_8), changed.getIdentifier());

        assertThat(chain.verify(project).brokenAt()).satisfies(at -> {
            assertThat(at.eventIdentifier()).isEqualTo(changed.getIdentifier());
            assertThat(at.reason()).isEqualTo("event-altered");
        });
    }

    @Test
    void givenEventDeleted_whenVerified_thenItBreaksWhereTheEventWas() {
        DomainEventMessage<?> deleted = aMeeting().get(4);

        jdbc.update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", deleted.getIdentifier());

        assertThat(chain.verify(project).brokenAt()).satisfies(at -> {
            assertThat(at.eventIdentifier()).isEqualTo(deleted.getIdentifier());
            assertThat(at.reason()).isEqualTo("event-missing");
        });
    }

    @Test
    void givenChainEntryRewritten_whenVerified_thenItBreaksAtThatEntry() {
        List<DomainEventMessage<?>> events = aMeeting();

        jdbc.update("UPDATE event_chain SET entry_hash = ? WHERE event_identifier = ?", "ab".repeat(32),
                events.get(1).getIdentifier());

        assertThat(chain.verify(project).brokenAt()).satisfies(at -> {
            assertThat(at.eventIdentifier()).isEqualTo(events.get(1).getIdentifier());
            assertThat(at.reason()).isEqualTo("event-altered");
        });
    }

    @Test
    void givenEventNotChainedYet_whenVerified_thenCountedAsPendingNotBroken() {
        aMeeting();
        engine.appendEvents(rated(4, 3, 5));

        ChainVerification result = chain.verify(project);

        assertThat(result.intact()).isTrue();
        assertThat(result.pending()).isEqualTo(1);
    }

    @Test
    void givenAggregateOfNoProject_whenChained_thenNothingIsWritten() {
        String loose = UUID.randomUUID().toString();
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Other", loose, 0, "text",
                MetaData.emptyInstance());
        engine.appendEvents(event);

        assertThat(chain.append(event.getIdentifier(), loose, Optional.empty())).isFalse();
    }

    private byte[] payloadOf(String eventIdentifier) {
        return jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE eventIdentifier = ?", byte[].class,
                eventIdentifier);
    }
}
