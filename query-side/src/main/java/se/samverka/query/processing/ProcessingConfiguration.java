package se.samverka.query.processing;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracking processors of the query side: their tokens live in MongoDB beside the read models.
 * The Mongo extension has no Spring Boot starter, so the token store is wired here by hand.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {
    static final int BATCH_SIZE = 100;

    @Bean
    public TokenStore tokenStore(MongoDatabase queryDatabase, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(queryDatabase).build())
                .serializer(serializer)
                .build();
    }

    /**
     * With a JDBC transaction manager, a tracking processor stores the end-of-batch token at
     * the start of the batch, counting on it to roll back with the handlers. A Mongo token does
     * not roll back, so a failed batch would be skipped. Without a transaction the token is
     * stored only after the handlers succeeded; handlers are idempotent for the replays this
     * can cause.
     */
    @Autowired
    public void configure(EventProcessingConfigurer processing) {
        // The default for every processor of the query side (each @ProcessingGroup): a processor
        // that writes to the relational store must register the JDBC transaction manager itself.
        processing.usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE))
                .registerDefaultTransactionManager(configuration -> NoTransactionManager.INSTANCE);
    }
}
