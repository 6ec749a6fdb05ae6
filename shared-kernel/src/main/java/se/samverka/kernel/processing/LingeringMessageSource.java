package se.samverka.kernel.processing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * An event source for a tracking processor that need not keep up event by event: when an event
 * arrives after the stream was idle, the processor waits {@code linger} before taking its batch,
 * so events arriving meanwhile are handled in the same batch (like a producer's linger in a
 * message broker). A workshop vote stream of 200 events a second then costs the processor a few
 * transactions a second instead of one per event. A stream with events already waiting (a
 * processor catching up, a rebuild) never lingers.
 */
public final class LingeringMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final Linger linger;
    private final boolean lingers;

    public LingeringMessageSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger) {
        this(source, linger, () -> TimeUnit.NANOSECONDS.sleep(linger.toNanos()));
    }

    /** With the wait itself given (tests publish during it instead of waiting). */
    LingeringMessageSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger, Linger wait) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative");
        }
        this.source = source;
        this.linger = wait;
        this.lingers = !linger.isZero();
    }

    /** The wait between finding the first event of a burst and taking the batch. */
    interface Linger {
        void await() throws InterruptedException;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(trackingToken);
        return lingers ? new Lingering(stream, linger) : stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    private record Lingering(BlockingStream<TrackedEventMessage<?>> stream, Linger linger)
            implements BlockingStream<TrackedEventMessage<?>> {
        /**
         * The processor asks this, with its timeout, before every batch. An event already waiting
         * answers at once; one that had to be waited for is the start of a burst, so the batch
         * starts {@code linger} later. Interrupting the wait (shutdown) ends it early.
         */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (stream.hasNextAvailable()) {
                return true;
            }
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            linger.await();
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
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
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
