package se.samverka.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many sessions follow each workshop on the other query nodes, as they report it to each other
 * through RabbitMQ ({@link NodeRelay}). The node that holds a workshop's segment paces its pushes
 * ({@link LivePublisher}), but every node writes them to its own followers: paced by the
 * publisher's own followers alone, a node with a handful of a workshop's followers would push at
 * the quick pace to the thousands another node serves. With these reports it paces for the node
 * that has the most.
 *
 * <p>A node reports the workshops it was sent pushes for in the last second, with their followers
 * on it. A report holds for {@link #FRESH_NANOS}: a crowd that leaves stops being counted within
 * seconds, and a workshop that went quiet is reported again with its next push. Thread-safe.
 */
final class FollowerReports {
    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String node;
    /** Destination to reporting node to its last report. */
    private final Map<String, Map<String, Reported>> byDestination = new ConcurrentHashMap<>();

    private record Reported(int followers, long atNanos) {
    }

    /** {@code node}: this node's own id, so that its reports, which RabbitMQ sends back to it too, are skipped. */
    FollowerReports(String node) {
        this.node = node;
    }

    /** This node's report: its followers of each destination given. */
    byte[] report(Map<String, Integer> followers) {
        try {
            return JSON.writeValueAsBytes(Map.of("node", node, "followers", followers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of counts is always JSON", e);
        }
    }

    /** Takes in a report received at {@code now}; a malformed one is refused whole, before anything is kept. */
    void received(byte[] report, long now) {
        JsonNode read;
        try {
            read = JSON.readTree(report);
        } catch (IOException e) {
            throw new IllegalArgumentException("a follower report is not JSON", e);
        }
        String from = read.path("node").asText("");
        JsonNode followers = read.path("followers");
        if (from.isEmpty() || !followers.isObject()) {
            throw new IllegalArgumentException("a follower report names its node and its followers");
        }
        if (from.equals(node)) {
            return;
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = followers.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().canConvertToInt() || field.getValue().asInt() < 0) {
                throw new IllegalArgumentException("a follower count is a whole number: " + field.getKey());
            }
            counts.put(field.getKey(), field.getValue().asInt());
        }
        forgetStale(now);
        counts.forEach((destination, count) -> byDestination.computeIfAbsent(destination,
                d -> new ConcurrentHashMap<>()).put(from, new Reported(count, now)));
    }

    /** The most followers any other node reported for {@code destination} within the last few seconds; 0 if none. */
    int elsewhere(String destination, long now) {
        Map<String, Reported> reports = byDestination.get(destination);
        if (reports == null) {
            return 0;
        }
        int most = 0;
        for (Reported reported : reports.values()) {
            if (now - reported.atNanos() < FRESH_NANOS) {
                most = Math.max(most, reported.followers());
            }
        }
        return most;
    }

    /** Every destination with a fresh report, and its most followers on another node. */
    Map<String, Integer> elsewhere(long now) {
        Map<String, Integer> fresh = new TreeMap<>();
        byDestination.keySet().forEach(destination -> {
            int most = elsewhere(destination, now);
            if (most > 0) {
                fresh.put(destination, most);
            }
        });
        return fresh;
    }

    /**
     * Drops reports too old to count, so workshops long over are not kept. Runs on the thread that
     * receives reports, the only one that adds them, so an emptied destination is never dropped
     * while a report for it is being added.
     */
    private void forgetStale(long now) {
        byDestination.values().forEach(reports -> reports.values()
                .removeIf(reported -> now - reported.atNanos() >= FRESH_NANOS));
        byDestination.values().removeIf(Map::isEmpty);
    }
}
