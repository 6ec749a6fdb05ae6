package se.samverka.kernel.risk;

import java.time.Instant;
import se.samverka.kernel.project.ProjectId;

/** A risk's description was rewritten; the event carries the new texts whole. */
public record RiskEditedEvent(ProjectId projectId, RiskId riskId, String threat, String vulnerability,
                              String consequence, boolean actionNeeded, String owner, String editedBy, Instant editedAt)
        implements RiskRegisterEvent {
}
