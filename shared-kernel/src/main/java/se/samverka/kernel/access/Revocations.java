package se.samverka.kernel.access;

import java.time.Instant;
import java.util.Set;
import se.samverka.kernel.problem.DomainException;

/**
 * Credentials withdrawn before their tokens expire (a participant removed from a workshop).
 * Tokens are stateless, so every side that accepts a token asks this list as well; the list is
 * kept by the command side in the same store and transaction as the events that revoke.
 */
public interface Revocations {

    /** Whether the credential of {@code caller} (its {@link Caller#actor()}) has been revoked. */
    boolean isRevoked(Caller caller);

    /** The actors ({@link Caller#actor()}) revoked at or after {@code since}. */
    Set<String> revokedSince(Instant since);

    /** Refuses a revoked caller with 401, as an expired token is refused. */
    default Caller requireNotRevoked(Caller caller) {
        if (isRevoked(caller)) {
            throw DomainException.unauthenticated("the token has been revoked");
        }
        return caller;
    }
}
