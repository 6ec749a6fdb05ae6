package se.samverka.command.audit;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import se.samverka.kernel.processing.LingeringMessageSource;
import se.samverka.kernel.processing.TrackingBatch;

/**
 * The chaining processor writes to the relational store, so unlike the query side's
 * processors it runs in a JDBC transaction and keeps its token in the same database
 * ({@code TokenEntry}): entries and token commit together, and a failed batch is retried
 * whole. Registered explicitly, because the query side makes "no transaction" and the Mongo
 * token store the default for every processor.
 */
@Configuration(proxyBeanMethods = false)
public class EventChainConfiguration {
    static final int BATCH_SIZE = 100;

    /**
     * Chaining lingers ({@link LingeringMessageSource}): an entry need not be written the moment
     * its event is, and during a vote every event otherwise cost the chain a transaction of its
     * own, with a write of the store's file next to the command's own.
     */
    @Autowired
    public void configure(EventProcessingConfigurer processing, DataSource dataSource,
                          TransactionManager transactionManager, Serializer serializer, EventChain chain,
                          @Value("${samverka.event-chain.linger-millis:200}") long lingerMillis) {
        processing.registerTrackingEventProcessor(EventChainProcessor.GROUP, configuration ->
                        new LingeringMessageSource(configuration.eventStore(), Duration.ofMillis(lingerMillis)))
                .registerTrackingEventProcessorConfiguration(EventChainProcessor.GROUP, configuration ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE))
                .registerTransactionManager(EventChainProcessor.GROUP, configuration -> transactionManager)
                .registerTokenStore(EventChainProcessor.GROUP, configuration -> JdbcTokenStore.builder()
                        .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                new SpringDataSourceConnectionProvider(dataSource)))
                        .serializer(serializer)
                        .contentType(byte[].class)
                        .build())
                .registerHandlerInterceptor(EventChainProcessor.GROUP,
                        configuration -> TrackingBatch.interceptor(EventChain.BATCH, batched(chain)));
    }

    /**
     * Chains a tracking batch with a few queries instead of five per event: its stored events and
     * what of them is chained read at its start, its entries inserted together at its end.
     */
    static TrackingBatch.Batched<EventChain.Batch> batched(EventChain chain) {
        return new TrackingBatch.Batched<>() {
            @Override
            public EventChain.Batch begin(List<? extends EventMessage<?>> events, boolean replay) {
                return chain.beginBatch(events.stream().map(EventMessage::getIdentifier).toList());
            }

            @Override
            public void end(EventChain.Batch batch, List<? extends EventMessage<?>> events, boolean replay) {
                chain.endBatch(batch);
            }
        };
    }
}
