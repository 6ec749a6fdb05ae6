package se.samverka.kernel.processing;

import java.time.Duration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A token store that lets a rebuild write its read models once per many tracking batches: while
 * a segment replays events handled before a reset, the token of a batch whose state
 * {@link TrackingBatch} carried on unwritten waits in memory, and is stored only right after the
 * carried writes, when {@code writeEvery} events are carried, when the replay reaches the
 * position of the reset, when the processor finds no more events (it extends its claim outside
 * a batch), or before any other token write of the thread. A crash or a failed batch loses only what is not
 * stored, and the processor, which reopens its stream at the stored token, handles it again.
 * Everything else goes to {@code delegate} unchanged.
 *
 * <p>Needs tokens stored after the batch's handlers (a processor without a transaction
 * manager), as the query side configures them.
 */
public final class ReplayTokenStore extends ForwardingTokenStore {
    private final int writeEvery;
    private final long claimRefreshNanos;

    /**
     * @param writeEvery   the most replayed events whose writes wait in memory
     * @param claimRefresh how often a claim is extended while tokens wait (well under the claim timeout)
     */
    public ReplayTokenStore(TokenStore delegate, int writeEvery, Duration claimRefresh) {
        super(delegate);
        if (writeEvery < 1) {
            throw new IllegalArgumentException("writeEvery must be at least 1");
        }
        this.writeEvery = writeEvery;
        this.claimRefreshNanos = claimRefresh.toNanos();
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        TrackingBatch.Carry carry = TrackingBatch.carry();
        if (carry != null && carry.holds()) {
            if (carry.parkedByCurrent() && carry.events() < writeEvery && TrackingBatch.beforeReset(token)) {
                carry.hold(token, processorName, segment);
                refreshClaim(carry, processorName, segment);
                return;
            }
            carry.write();
        }
        delegate.storeToken(token, processorName, segment);
        if (carry != null) {
            carry.stored();
        }
    }

    /**
     * Called by a processor at the start of each batch (within its unit of work), which goes on
     * with what is carried, and by an idle processor (outside one): what waits is written, with
     * its token, now.
     */
    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingBatch.Carry carry = TrackingBatch.carry();
        if (carry != null && carry.holds() && carry.waiting() != null) {
            if (CurrentUnitOfWork.isStarted()) {
                refreshClaim(carry, processorName, segment);
                return;
            }
            TrackingToken token = carry.waiting();
            String processor = carry.waitingProcessor();
            int waitingSegment = carry.waitingSegment();
            carry.write();
            delegate.storeToken(token, processor, waitingSegment);
            if (processor.equals(processorName) && waitingSegment == segment) {
                return;
            }
        }
        delegate.extendClaim(processorName, segment);
    }

    /** Extends the claim while tokens wait in memory, once per claim refresh interval. */
    private void refreshClaim(TrackingBatch.Carry carry, String processorName, int segment) {
        if (System.nanoTime() - carry.claimedAt() > claimRefreshNanos) {
            delegate.extendClaim(processorName, segment);
            carry.claimed();
        }
    }

    /** The processing thread opens its stream here: its replayed batches may carry their state from now on. */
    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        TrackingBatch.allowCarry();
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        TrackingBatch.allowCarry();
        return token;
    }

    /** The processing thread gives its segment up (stopping, or after a failure): what was not stored is dropped. */
    @Override
    public void releaseClaim(String processorName, int segment) {
        TrackingBatch.Carry carry = TrackingBatch.carry();
        if (carry != null && (carry.waiting() == null
                || (carry.waitingProcessor().equals(processorName) && carry.waitingSegment() == segment))) {
            TrackingBatch.endCarry();
        }
        delegate.releaseClaim(processorName, segment);
    }
}
