package se.samverka.command.audit;

import java.time.Instant;

/**
 * The answer of a verification: whether the project's chain holds, how many entries were
 * checked, the head (the hash a reader can note down and compare later), and where it breaks.
 * {@code pending} counts events of the project that are stored but not chained yet (the
 * chaining processor runs a moment behind the commands); they do not make the chain fail.
 */
public record ChainVerification(String projectId, boolean intact, long checked, long pending, Head head,
                                Break brokenAt, Instant verifiedAt) {

    /** The last entry checked: its position and hash. Null for a project with no entries. */
    public record Head(long position, String hash) {
    }

    /**
     * The first entry that does not hold. {@code reason}: {@code event-altered} (the stored event
     * no longer has the content it was chained with), {@code event-missing} (the event is gone
     * from the store), {@code entry-missing} (an entry of the chain is gone),
     * {@code link-broken} (the entry no longer follows the one before it).
     */
    public record Break(long position, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                        long sequenceNumber, String reason) {
    }
}
