package se.samverka.query.processing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import se.samverka.kernel.processing.ForwardingTokenStore;

/**
 * Stores a processor's token at most once per interval while it only moves past events it has
 * no handler for. A tracking processor stores its token after every batch, also when it handled
 * nothing in it: of the eight query processors a vote concerns two (the workshop projection and
 * the audit trail), so each vote cost six more token writes to the shared token collection, one
 * after the other behind its lock, and the workshop projection's own write waited in that queue. Skipped events change nothing, so
 * holding their token back is safe: a node that restarts, or takes the segment over, reads those
 * events again and skips them again.
 *
 * <p>Only such moves are held back: the processor stores them outside a unit of work, and the
 * new token covers the one last written. A batch with handled events stores its token inside its
 * unit of work and is always written, as is every reset (a replay token, or one that goes back).
 * What is held back is written at the next write, when the claim is extended (the processor has
 * gone idle), and at least once per interval, which is shorter than the claim timeout, so the
 * claim never lapses while events stream past.
 */
public final class SkippedEventsTokenStore extends ForwardingTokenStore {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<Key, Written> written = new ConcurrentHashMap<>();
    private final Map<Key, TrackingToken> held = new ConcurrentHashMap<>();

    public SkippedEventsTokenStore(TokenStore delegate, long intervalMillis) {
        this(delegate, intervalMillis, System::nanoTime);
    }

    SkippedEventsTokenStore(TokenStore delegate, long intervalMillis, LongSupplier nanoTime) {
        super(delegate);
        this.intervalNanos = intervalMillis * 1_000_000;
        this.nanoTime = nanoTime;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        Key key = new Key(processorName, segment);
        Written last = written.get(key);
        if (!CurrentUnitOfWork.isStarted() && last != null && onlyMovesOn(last.token, token)
                && nanoTime.getAsLong() - last.at < intervalNanos) {
            held.put(key, token);
            return;
        }
        write(key, token);
    }

    private static boolean onlyMovesOn(TrackingToken last, TrackingToken token) {
        return token != null && last != null && !(token instanceof ReplayToken)
                && token.getClass() == last.getClass() && token.covers(last);
    }

    private void write(Key key, TrackingToken token) {
        delegate.storeToken(token, key.processorName, key.segment);
        written.put(key, new Written(token, nanoTime.getAsLong()));
        held.remove(key);
    }

    /** Writes what is held back for the segment, if anything; true if it did. */
    private boolean writeHeld(Key key) {
        TrackingToken token = held.get(key);
        if (token == null) {
            return false;
        }
        write(key, token);
        return true;
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        if (!writeHeld(new Key(processorName, segment))) {
            delegate.extendClaim(processorName, segment);
        }
    }

    /**
     * Drops what is held back rather than writing it: the claim is released on shutdown and
     * after a failed batch, and after a failure a token store below may have dropped writes the
     * held token would then pass. Whoever claims the segment next skips those events again.
     */
    @Override
    public void releaseClaim(String processorName, int segment) {
        forget(processorName, segment);
        delegate.releaseClaim(processorName, segment);
    }

    /** A claim starts from what the store holds; what this node knew of the segment is dropped. */
    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        forget(processorName, segment);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        forget(processorName, segment.getSegmentId());
        return delegate.fetchToken(processorName, segment);
    }

    private void forget(String processorName, int segment) {
        Key key = new Key(processorName, segment);
        held.remove(key);
        written.remove(key);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        forget(processorName, segment);
        delegate.deleteToken(processorName, segment);
    }

    private record Key(String processorName, int segment) {
    }

    private record Written(TrackingToken token, long at) {
    }
}
