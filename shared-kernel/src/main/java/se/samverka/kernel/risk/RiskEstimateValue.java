package se.samverka.kernel.risk;

import se.samverka.kernel.workshop.ParticipantId;

/** One participant's estimate in a joint estimate of a risk. */
public record RiskEstimateValue(ParticipantId participantId, RiskAssessment assessment) {
}
