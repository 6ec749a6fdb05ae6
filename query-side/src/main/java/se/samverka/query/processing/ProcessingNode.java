package se.samverka.query.processing;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

/**
 * How this query node takes part in tracking: its name in the token store, how many segments
 * each processor is split into, how long a claim lasts without renewal (after which another
 * node takes the segment over) and how often an idle thread looks for a segment to claim.
 *
 * <p>One node (the default) keeps one segment per processor. Several query nodes sharing one
 * MongoDB use several segments, so the work is split across them, with one processing thread
 * per segment on every node, so that a survivor can take over all the segments of a dead one.
 */
public record ProcessingNode(String name, int segments, long claimTimeoutMillis, long claimIntervalMillis) {

    public ProcessingNode {
        if (name == null || name.isBlank()) {
            name = ManagementFactory.getRuntimeMXBean().getName();
        }
        if (segments < 1) {
            throw new IllegalArgumentException("samverka.processing.segments must be at least 1");
        }
        if (claimIntervalMillis * 2 > claimTimeoutMillis) {
            throw new IllegalArgumentException(
                    "samverka.processing.claim-timeout-ms must be at least twice the claim interval");
        }
    }

    /** Several segments: processors are shared with other query nodes. */
    public boolean sharesWork() {
        return segments > 1;
    }

    TrackingEventProcessorConfiguration tracking(int segmentCount, int batchSize) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(segmentCount)
                .andInitialSegmentsCount(segmentCount)
                .andBatchSize(batchSize)
                .andTokenClaimInterval(claimIntervalMillis, TimeUnit.MILLISECONDS);
    }
}
