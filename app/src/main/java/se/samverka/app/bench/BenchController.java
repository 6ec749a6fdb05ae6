package se.samverka.app.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.TokenCodec;
import se.samverka.query.processing.ProjectionLag;

/**
 * What the benchmark reads from inside the service: the heap after a collection (memory per
 * idle client), the workshop projection's event-to-read-model latencies, and a rebuild of one
 * projection from the event store (W3). Exists only when {@code samverka.bench.enabled=true};
 * never in a normal deployment.
 */
@RestController
@RequestMapping("/api/v1/bench")
@ConditionalOnProperty(name = "samverka.bench.enabled", havingValue = "true")
public class BenchController {
    private final TokenCodec tokens;
    private final ProjectionLag lag;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public BenchController(TokenCodec tokens, ProjectionLag lag, EventProcessingConfiguration processing,
                           JdbcTemplate jdbc) {
        this.tokens = tokens;
        this.lag = lag;
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Heap in use after collecting until it stops shrinking (at most five times). */
    @PostMapping("/heap")
    public Map<String, Object> heap(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization)
            throws InterruptedException {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return Map.of("usedBytes", used);
    }

    @GetMapping("/projection-lag")
    public Map<String, Object> projectionLag(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        return lag.summary();
    }

    @PostMapping("/projection-lag/reset")
    public Map<String, Object> resetProjectionLag(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        lag.reset();
        return Map.of("reset", true);
    }

    /** Forgets the processor's read models and tokens and starts it again from the first event. */
    @PostMapping("/processors/{group}/rebuild")
    public Map<String, Object> rebuild(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                       @PathVariable String group) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        StreamingEventProcessor processor = processor(group);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return Map.of("group", group, "storedEvents", events);
    }

    /**
     * Every processor of this node with its position, and the event store's head: the benchmark
     * waits for all to reach the head before it measures, since Axon's caught-up flag, once set,
     * stays set while a processor falls behind again.
     */
    @GetMapping("/processors")
    public Map<String, Object> processors(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        Map<String, Object> positions = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                positions.put(name, streaming.processingStatus().values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1));
            }
        });
        return Map.of("head", head == null ? -1 : head, "positions", positions);
    }

    /** Stops or starts a processor, so that a rebuild of another is measured alone. */
    @PostMapping("/processors/{group}/{action:stop|start}")
    public Map<String, Object> stopOrStart(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                           @PathVariable String group, @PathVariable String action) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        boolean start = action.equals("start");
        if (start) {
            processor(group).start();
        } else {
            processor(group).shutDown();
        }
        return Map.of("group", group, "running", start);
    }

    @GetMapping("/processors/{group}")
    public Map<String, Object> status(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathVariable String group) {
        tokens.verifyAuthorization(authorization).requireFacilitator();
        StreamingEventProcessor processor = processor(group);
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        boolean caughtUp = processor.isRunning() && !status.isEmpty()
                && status.values().stream().allMatch(BenchController::caughtUp);
        long position = status.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        return Map.of("group", group, "caughtUp", caughtUp, "position", position,
                "replaying", status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
    }

    /**
     * Caught up with the stream, and past the position it was reset at. Not "no longer replaying":
     * Axon keeps a segment's token a replay token until an event <em>newer</em> than the reset
     * arrives, so on a quiet store a finished replay says it is replaying for ever (why the first
     * W3 run never saw the rebuild end).
     */
    private static boolean caughtUp(EventTrackerStatus status) {
        if (!status.isCaughtUp()) {
            return false;
        }
        if (!status.isReplaying()) {
            return true;
        }
        long reset = status.getResetPosition().orElse(Long.MAX_VALUE);
        return status.getCurrentPosition().orElse(-1) >= reset;
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no processor " + group));
    }
}
