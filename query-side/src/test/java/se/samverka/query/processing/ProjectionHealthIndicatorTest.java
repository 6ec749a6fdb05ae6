package se.samverka.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * The readiness rule on a real Axon tracking processor. The processor waits a minute for events
 * that do not come, so Axon itself does not call it caught up during a test: readiness then
 * comes only from the rule that a position covering the store's head is caught up.
 */
class ProjectionHealthIndicatorTest {
    private static final String GROUP = "readiness";

    private final CountDownLatch release = new CountDownLatch(1);
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final TokenStore tokens = new InMemoryTokenStore();
    private Configuration axon;
    private ProjectionHealthIndicator health;

    @BeforeAll
    static void noVendorUpdateCheck() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        if (axon != null) {
            axon.shutdown();
        }
    }

    @ProcessingGroup(GROUP)
    class BlockingProjection {
        @EventHandler
        void on(String event) throws InterruptedException {
            release.await(30, TimeUnit.SECONDS);
        }
    }

    private void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(configuration -> store)
                .eventProcessing(processing -> processing
                        .registerTokenStore(configuration -> tokens)
                        .registerTrackingEventProcessor(GROUP, configuration -> store, configuration ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andEventAvailabilityTimeout(60, TimeUnit.SECONDS))
                        .registerEventHandler(configuration -> new BlockingProjection()))
                .buildConfiguration();
        axon.start();
        health = new ProjectionHealthIndicator(axon.eventProcessingConfiguration(), tokens);
    }

    private TrackingEventProcessor processor() {
        return axon.eventProcessingConfiguration().eventProcessor(GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    @Test
    void givenEmptyStore_whenProcessorHasClaimedItsSegment_thenReadyBeforeAxonCallsItCaughtUp() {
        start();

        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.UP));

        assertThat(processor().processingStatus().values()).isNotEmpty().noneMatch(EventTrackerStatus::isCaughtUp);
        assertThat(health.health().getDetails()).containsEntry(GROUP, "caught up");
    }

    @Test
    void givenStoredEvents_whilePositionIsBehindTheHead_thenNotReady_andReadyOnceHandled() {
        store.publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));
        start();
        await().atMost(Duration.ofSeconds(20)).until(() -> !processor().processingStatus().isEmpty());

        // The handler holds the first event, so the position cannot cover the head yet.
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.health().getDetails()).containsEntry(GROUP, "catching up");

        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.UP));
    }
}
