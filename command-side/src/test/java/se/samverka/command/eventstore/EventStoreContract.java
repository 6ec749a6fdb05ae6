package se.samverka.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.kernel.workshop.CapabilityRatedEvent;
import se.samverka.kernel.workshop.ParticipantId;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * The event store's contract, run unchanged against every database Samverka supports: the
 * migration applies, events come back as stored and in order, and a lost race for a sequence
 * number is a concurrency conflict (which the command gateway retries), not a generic failure.
 */
abstract class EventStoreContract {
    private JdbcEventStorageEngine engine;

    /** A fresh, empty database for one test class. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void migrateAndBuildEngine() {
        Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").load().migrate();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .dataType(byte[].class)
                .build();
    }

    private static DomainEventMessage<CapabilityRatedEvent> rated(String workshop, long sequence, int score) {
        CapabilityRatedEvent payload = new CapabilityRatedEvent(new WorkshopId(workshop), new ParticipantId("p-" + sequence),
                "set-goals", score, null,
                Instant.parse("2026-11-29T10:00:00Z"));
        return new GenericDomainEventMessage<>("Workshop", workshop, sequence, payload,
                MetaData.with("actor", "participant:Åsa Öberg"));
    }

    @Test
    void givenAppendedEvents_whenReadForAggregate_thenSameEventsInOrder() {
        String workshop = UUID.randomUUID().toString();
        engine.appendEvents(rated(workshop, 0, 1), rated(workshop, 1, 2), rated(workshop, 2, 5));

        List<? extends DomainEventMessage<?>> read = engine.readEvents(workshop).asStream().toList();

        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(read).extracting(m -> ((CapabilityRatedEvent) m.getPayload()).score()).containsExactly(1, 2, 5);
        assertThat(read.get(0).getMetaData()).containsEntry("actor", "participant:Åsa Öberg");
    }

    @Test
    void givenTakenSequenceNumber_whenAppendedAgain_thenConcurrencyConflict() {
        String workshop = UUID.randomUUID().toString();
        engine.appendEvents(rated(workshop, 0, 3), rated(workshop, 1, 3));

        assertThatThrownBy(() -> engine.appendEvents(rated(workshop, 1, 4)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents(workshop).asStream().count()).isEqualTo(2);
    }

    @Test
    void givenManyWritersRacingForOneSequence_whenAppending_thenExactlyOneWins() throws Exception {
        String workshop = UUID.randomUUID().toString();
        engine.appendEvents(rated(workshop, 0, 1));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int score = 1 + i % 5;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        engine.appendEvents(rated(workshop, 1, score));
                        return true;
                    } catch (ConcurrencyException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenEventsOfSeveralAggregates_whenStreamed_thenGlobalOrderOfAppend() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        engine.appendEvents(rated(first, 0, 1));
        engine.appendEvents(rated(second, 0, 2));
        engine.appendEvents(rated(first, 1, 3));

        List<String> order = engine.readEvents(null, false)
                .filter(m -> m instanceof DomainEventMessage<?> d
                        && (d.getAggregateIdentifier().equals(first) || d.getAggregateIdentifier().equals(second)))
                .map(TrackedEventMessage.class::cast)
                .map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier() + "#"
                        + ((DomainEventMessage<?>) m).getSequenceNumber())
                .collect(Collectors.toList());

        assertThat(order).containsExactly(first + "#0", second + "#0", first + "#1");
    }

    @Test
    void givenSnapshot_whenReadBack_thenLatestSnapshotReturned() {
        String workshop = UUID.randomUUID().toString();
        engine.appendEvents(rated(workshop, 0, 1), rated(workshop, 1, 2));
        engine.storeSnapshot(rated(workshop, 1, 4));

        assertThat(engine.readSnapshot(workshop)).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(1L);
            assertThat(((CapabilityRatedEvent) snapshot.getPayload()).score()).isEqualTo(4);
        });
    }
}
