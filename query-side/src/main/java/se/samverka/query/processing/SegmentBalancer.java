package se.samverka.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Splits tracking work across the query nodes that share one MongoDB. A tracking processor
 * claims every segment it can, so the first node up would keep them all. Each node therefore
 * says every claim interval that it is alive ({@code processing_nodes}), and a node holding
 * more than its fair share of a processor's segments (segments ÷ live nodes, rounded up)
 * releases one for a while, for an idle thread of another node to claim.
 *
 * <p>Nothing here is needed for taking over: a killed node stops renewing its claims, they
 * expire after the claim timeout, and the survivors' idle threads claim them. A dead node also
 * stops saying it is alive, so the survivors' fair share grows and they keep what they took.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {
    static final String NODES = "processing_nodes";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final MongoCollection<Document> nodes;
    private final ProcessingNode node;
    private final Map<String, Long> quietUntil = new HashMap<>();
    private ScheduledExecutorService timer;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore,
                           MongoDatabase queryDatabase, ProcessingNode node) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.nodes = queryDatabase.getCollection(NODES);
        this.node = node;
    }

    @Override
    public synchronized void start() {
        if (!node.sharesWork()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::balanceQuietly, 0, node.claimIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            try {
                nodes.deleteOne(Filters.eq("_id", node.name()));
            } catch (RuntimeException gone) {
                // the database is going away too; the entry ages out after the claim timeout
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** After the processors have started (and before they stop). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Could not balance tracking segments this time: {}", e.toString());
        }
    }

    void balance() {
        long now = System.currentTimeMillis();
        nodes.replaceOne(Filters.eq("_id", node.name()), new Document("_id", node.name()).append("seenAt", now),
                new ReplaceOptions().upsert(true));
        long alive = Math.max(1, nodes.countDocuments(Filters.gte("seenAt", now - node.claimTimeoutMillis())));
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor) || !processor.isRunning()) {
                continue;
            }
            String name = entry.getKey();
            if (now < quietUntil.getOrDefault(name, 0L)) {
                continue;
            }
            Set<Integer> mine = processor.processingStatus().keySet();
            int total = tokenStore.fetchSegments(name).length;
            long share = (total + alive - 1) / alive;
            if (mine.size() > share) {
                int segment = mine.stream().max(Integer::compare).orElseThrow();
                long releaseFor = 3 * node.claimIntervalMillis();
                processor.releaseSegment(segment, releaseFor, TimeUnit.MILLISECONDS);
                quietUntil.put(name, now + 2 * releaseFor);
                log.info("Released segment {} of {} for another query node ({} of {} segments held, {} nodes alive)",
                        segment, name, mine.size(), total, alive);
            }
        }
    }
}
