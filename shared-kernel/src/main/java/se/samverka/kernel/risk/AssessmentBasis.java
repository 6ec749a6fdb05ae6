package se.samverka.kernel.risk;

/** What an assessment rests on: the facilitator's entry, or a joint estimate they adopted. */
public enum AssessmentBasis {
    FACILITATOR, JOINT_ESTIMATE
}
