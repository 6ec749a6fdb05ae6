package se.samverka.kernel.survey;

import java.time.Instant;
import java.time.LocalDate;
import se.samverka.kernel.project.ProjectId;

/** A source was registered or changed; {@code previousStatus} null when it is new. */
public record EnvironmentSourceSetEvent(ProjectId projectId, String sourceId, SourceKind kind, String organisation,
                                        String question, String notes, LocalDate date, SourceStatus previousStatus,
                                        SourceStatus status, String setBy, Instant setAt) implements EnvironmentEvent {
}
