package se.samverka.kernel.records;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;

/** The project's member organisations were set, and whether others may be written in free text. */
public record OrganisationsSetEvent(ProjectId projectId, List<String> organisations, boolean allowOther,
                                    String setBy, Instant setAt) implements ProjectRecordsEvent {
}
