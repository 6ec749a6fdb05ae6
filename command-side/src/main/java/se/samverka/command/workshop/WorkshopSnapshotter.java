package se.samverka.command.workshop;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's snapshotter, except that a workshop is stored as its {@link WorkshopSnapshot} rather
 * than as the aggregate object (whose maps are keyed by records, which JSON does not carry
 * back). A snapshot is taken after every {@code samverka.snapshots.workshop-every} events
 * applied to a loaded workshop, after the command's unit of work committed.
 */
public final class WorkshopSnapshotter extends SpringAggregateSnapshotter {

    private WorkshopSnapshotter(Builder builder) {
        super(builder);
    }

    @Override
    protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                DomainEventStream eventStream) {
        DomainEventMessage<?> snapshot = super.createSnapshot(aggregateType, aggregateIdentifier, eventStream);
        if (snapshot == null || !(snapshot.getPayload() instanceof Workshop workshop)) {
            return snapshot;
        }
        return new GenericDomainEventMessage<>(snapshot.getType(), snapshot.getAggregateIdentifier(),
                snapshot.getSequenceNumber(), workshop.snapshot());
    }

    /** Replaces the auto-configured snapshotter (the same builder, this class). */
    @Configuration(proxyBeanMethods = false)
    public static class Wiring {
        @Bean
        public Snapshotter workshopSnapshotter(org.axonframework.config.Configuration configuration,
                                               HandlerDefinition handlerDefinition,
                                               ParameterResolverFactory parameterResolverFactory,
                                               EventStore eventStore, TransactionManager transactionManager,
                                               SnapshotterSpanFactory spanFactory) {
            return new WorkshopSnapshotter(SpringAggregateSnapshotter.builder()
                    .repositoryProvider(configuration::repository)
                    .transactionManager(transactionManager)
                    .eventStore(eventStore)
                    .parameterResolverFactory(parameterResolverFactory)
                    .handlerDefinition(handlerDefinition)
                    .spanFactory(spanFactory));
        }

        @Bean
        public SnapshotTriggerDefinition workshopSnapshotTrigger(
                Snapshotter snapshotter, @Value("${samverka.snapshots.workshop-every:500}") int every) {
            return new EventCountSnapshotTriggerDefinition(snapshotter, every);
        }
    }
}
