package se.samverka.query.processing;

import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How long events take from being stored to being in the workshop read model on this node:
 * the last 100,000 latencies, kept for the benchmark's event-to-read-model figure. Costs one
 * array write per event.
 */
@Component
public class ProjectionLag {
    private static final int CAPACITY = 100_000;

    private final long[] micros = new long[CAPACITY];
    private long recorded;

    public synchronized void record(long latencyMicros) {
        micros[(int) (recorded % CAPACITY)] = latencyMicros;
        recorded++;
    }

    /** Count, p50, p99, p99.9 and max in milliseconds of what was recorded since the last reset. */
    public synchronized Map<String, Object> summary() {
        int n = (int) Math.min(recorded, CAPACITY);
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        return Map.of("n", recorded, "p50", at(sorted, 0.50), "p99", at(sorted, 0.99), "p999", at(sorted, 0.999),
                "max", n == 0 ? 0.0 : sorted[n - 1] / 1000.0);
    }

    public synchronized void reset() {
        recorded = 0;
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0.0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}
