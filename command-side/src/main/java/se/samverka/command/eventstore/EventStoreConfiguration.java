package se.samverka.command.eventstore;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system of record: Axon's JDBC engine on PostgreSQL, or on embedded H2 by default.
 *
 * <p>Both beans are declared here rather than left to Axon's auto-configuration, because the
 * store needs a short {@code fetchDelay} (other nodes see new events within ~100 ms instead of
 * a second), and declaring the store switches off the auto-configured engine and resolver.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * Reads events 1,000 at a time (Axon's default is 100): a processor replaying the store opens
     * its own stream and queries once per read batch; tailing readers and aggregates read few.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactionManager,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration axonConfiguration,
                                                 @Value("${samverka.events.read-batch-size:1000}") int readBatchSize) {
        return JdbcEventStorageEngine.builder()
                .batchSize(readBatchSize)
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .upcasterChain(axonConfiguration.upcasterChain())
                .dataType(byte[].class)
                .build();
    }

    @Bean
    public EventStore eventStore(EventStorageEngine eventStorageEngine,
                                 org.axonframework.config.Configuration axonConfiguration,
                                 @Value("${samverka.events.fetch-delay-ms:100}") long fetchDelayMillis) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(axonConfiguration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(fetchDelayMillis)
                .build();
    }
}
