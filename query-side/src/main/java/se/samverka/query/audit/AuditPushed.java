package se.samverka.query.audit;

/**
 * The message on {@code /topic/projects.{id}.audit} (version: the project's line number) and on
 * {@code /topic/workshops.{id}.audit} (version: the workshop's line number). Versions of each
 * stream rise by exactly one per message, as on the workshop topic.
 */
public record AuditPushed(String type, long version, AuditLine entry) {
    public static final String TYPE = "audit.entry";
    public static final String STREAM = "audit";

    public AuditPushed(long version, AuditLine entry) {
        this(TYPE, version, entry);
    }
}
