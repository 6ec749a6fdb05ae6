package se.samverka.kernel.survey;

/** Whether a source has been consulted yet. */
public enum SourceStatus {
    PLANNED, DONE
}
