package se.samverka.kernel.risk;

import java.time.Instant;
import java.util.List;
import se.samverka.kernel.project.ProjectId;

/** A joint estimate was revealed, with every participant's latest estimate. */
public record RiskEstimateRevealedEvent(ProjectId projectId, RiskId riskId, List<RiskEstimateValue> estimates,
                                        String revealedBy, Instant revealedAt) implements RiskRegisterEvent {
}
