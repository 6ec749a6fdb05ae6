package se.samverka.command.protection;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key, in memory (each node limits on its own). A bucket holds up to
 * {@code capacity} requests and refills {@code perSecond}; an empty bucket says how long until
 * the next request is allowed.
 */
final class RateLimits {
    private static final int MAX_BUCKETS = 100_000;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    record Limit(double capacity, double perSecond) {
    }

    /** 0 when allowed (and counted), else the seconds to wait. */
    long take(String key, Limit limit) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // under a flood of distinct keys, forgetting is safer than growing
        }
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.capacity(), now));
        synchronized (bucket) {
            bucket.tokens = Math.min(limit.capacity(),
                    bucket.tokens + (now - bucket.updatedAt) / 1000.0 * limit.perSecond());
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / limit.perSecond()));
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
