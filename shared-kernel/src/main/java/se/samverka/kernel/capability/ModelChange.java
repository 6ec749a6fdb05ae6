package se.samverka.kernel.capability;

/** What one edit of a capability model did, for the record; the event carries the whole new model. */
public record ModelChange(Kind kind, String capabilityId) {
    public enum Kind { ADDED, RENAMED, MOVED, RETIRED }
}
