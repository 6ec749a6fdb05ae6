package se.samverka.kernel.access;

import se.samverka.kernel.problem.DomainException;

/**
 * Facilitator accounts an admin has disabled. A token is self-contained and lives for hours, so
 * disabling the account does not end it: every node that accepts tokens, command or query, asks
 * the shared account table as well. Participants have no account and are never disabled (a
 * removed participant is a {@link Revocations revocation}).
 */
public interface DisabledAccounts {
    String DISABLED = "the account is disabled";

    /** Whether the facilitator account {@code username} exists and is disabled. */
    boolean isDisabled(String username);

    /** Whether {@code caller} is a facilitator whose account is disabled. */
    default boolean isDisabled(Caller caller) {
        return caller.isFacilitator() && isDisabled(caller.subject());
    }

    /** Refuses a disabled facilitator with 401, as an expired token is refused. */
    default Caller requireEnabled(Caller caller) {
        if (isDisabled(caller)) {
            throw DomainException.unauthenticated(DISABLED);
        }
        return caller;
    }
}
