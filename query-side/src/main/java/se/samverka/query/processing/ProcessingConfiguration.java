package se.samverka.query.processing;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverka.kernel.processing.ReplayTokenStore;
import se.samverka.query.audit.AuditProjection;

/**
 * Tracking processors of the query side: their tokens live in MongoDB beside the read models.
 * The Mongo extension has no Spring Boot starter, so the token store is wired here by hand.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {
    static final int BATCH_SIZE = 100;
    static final int REPLAY_WRITE_EVERY = 1_000;

    /** Static: {@link #configure} of this same class needs it. */
    @Bean
    public static ProcessingNode processingNode(@Value("${samverka.node-name:}") String name,
                                         @Value("${samverka.processing.segments:1}") int segments,
                                         @Value("${samverka.processing.claim-timeout-ms:10000}") long claimTimeout,
                                         @Value("${samverka.processing.claim-interval-ms:1000}") long claimInterval) {
        return new ProcessingNode(name, segments, claimTimeout, claimInterval);
    }

    /**
     * Claims carry this node's name and expire after the claim timeout: a node killed with its
     * segments claimed gives them up to the others after that time, without anyone's help.
     * A rebuild's batches write their read models once per {@code replay-write-every} events
     * ({@link ReplayTokenStore}), its tokens following those writes; live batches are unchanged.
     * A processor's moves past events it has no handler for are stored at most once per
     * {@code skipped-token-interval-ms} ({@link SkippedEventsTokenStore}), well within the claim
     * timeout; it sits above the replay store, which sees every token it passes on.
     */
    @Bean
    public TokenStore tokenStore(MongoDatabase queryDatabase, Serializer serializer, ProcessingNode node,
                                 @Value("${samverka.processing.replay-write-every:" + REPLAY_WRITE_EVERY + "}")
                                 int replayWriteEvery,
                                 @Value("${samverka.processing.skipped-token-interval-ms:1000}") long skippedInterval) {
        if (skippedInterval < 0 || skippedInterval * 2 > node.claimTimeoutMillis()) {
            throw new IllegalArgumentException(
                    "samverka.processing.skipped-token-interval-ms must be between 0 and half the claim timeout");
        }
        return new SkippedEventsTokenStore(new ReplayTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(queryDatabase).build())
                .serializer(serializer)
                .nodeId(node.name())
                .claimTimeout(Duration.ofMillis(node.claimTimeoutMillis()))
                .build(), replayWriteEvery, Duration.ofMillis(node.claimIntervalMillis())), skippedInterval);
    }

    /**
     * With a JDBC transaction manager, a tracking processor stores the end-of-batch token at
     * the start of the batch, counting on it to roll back with the handlers. A Mongo token does
     * not roll back, so a failed batch would be skipped. Without a transaction the token is
     * stored only after the handlers succeeded; handlers are idempotent for the replays this
     * can cause.
     */
    @Autowired
    public void configure(EventProcessingConfigurer processing, ProcessingNode node,
                          @Value("${samverka.processing.batch-size:" + BATCH_SIZE + "}") int batchSize) {
        // The default for every processor of the query side (each @ProcessingGroup): a processor
        // that writes to the relational store must register the JDBC transaction manager itself.
        processing.usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration ->
                        node.tracking(node.segments(), batchSize))
                // The audit trail numbers each project's lines in the order it sees them, and files
                // an aggregate's later events under the project its first event named: that needs
                // one sequence, so it keeps one segment, which moves whole between query nodes.
                .registerTrackingEventProcessorConfiguration(AuditProjection.GROUP, configuration ->
                        node.tracking(1, batchSize))
                .registerDefaultTransactionManager(configuration -> NoTransactionManager.INSTANCE);
    }
}
