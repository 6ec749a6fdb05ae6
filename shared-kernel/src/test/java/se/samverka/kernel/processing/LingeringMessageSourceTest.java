package se.samverka.kernel.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Axon's own in-memory event store under the lingering source, read as a tracking processor reads.
 * Each stream reads the storage itself (no shared prefetching thread), so an event is visible to
 * it as soon as it is stored.
 */
class LingeringMessageSourceTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).optimizeEventConsumption(false).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void eventsStoredWhileItLingersJoinTheFirstEventsBatch() throws Exception {
        AtomicInteger lingered = new AtomicInteger();
        // The second vote of the burst is stored while the processor lingers after the first.
        LingeringMessageSource source = new LingeringMessageSource(storingWhileWaited("first"),
                Duration.ofMillis(200), () -> {
                    lingered.incrementAndGet();
                    store.publish(GenericEventMessage.asEventMessage("second"));
                });
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();

            assertThat(batch(stream)).containsExactly("first", "second");
            assertThat(lingered).hasValue(1);
        }
    }

    @Test
    void aStreamWithEventsWaitingDoesNotLinger() throws Exception {
        AtomicInteger lingered = new AtomicInteger();
        LingeringMessageSource source = new LingeringMessageSource(store, Duration.ofMillis(200),
                lingered::incrementAndGet);
        store.publish(GenericEventMessage.asEventMessage("one"), GenericEventMessage.asEventMessage("two"));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(batch(stream)).containsExactly("one", "two");
            assertThat(stream.hasNextAvailable(1, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(lingered).hasValue(0);
        }
    }

    @Test
    void noLingerGivesTheStoresOwnStream() {
        LingeringMessageSource source = new LingeringMessageSource(store, Duration.ZERO);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.getClass()).isEqualTo(store.openStream(null).getClass());
        }
    }

    /** The store's own streams, where the first event is stored while the reader waits for one. */
    private StreamableMessageSource<TrackedEventMessage<?>> storingWhileWaited(String payload) {
        return token -> {
            BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token);
            AtomicBoolean stored = new AtomicBoolean();
            return new BlockingStream<>() {
                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    if (timeout > 0 && !stored.getAndSet(true)) {
                        store.publish(GenericEventMessage.asEventMessage(payload));
                    }
                    return stream.hasNextAvailable(timeout, unit);
                }

                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return stream.peek();
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    return stream.nextAvailable();
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        };
    }

    /** What a tracking processor takes into one batch: every event available without waiting. */
    private static List<Object> batch(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }
}
