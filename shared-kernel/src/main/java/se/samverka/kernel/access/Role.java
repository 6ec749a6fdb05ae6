package se.samverka.kernel.access;

/** What a caller is in Samverka. */
public enum Role {
    /** Runs workshops; logs in with an account. */
    FACILITATOR,
    /** Joined one workshop with its join code. */
    PARTICIPANT
}
