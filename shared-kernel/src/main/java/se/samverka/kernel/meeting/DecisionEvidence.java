package se.samverka.kernel.meeting;

/**
 * What was on the table when a decision closed: the risk register's version and the project
 * records' version (which covers the status reports, milestones and plan versions), each null
 * when the project had none yet, and which meeting's status report applied.
 */
public record DecisionEvidence(Long riskRegisterVersion, Long recordsVersion, String statusReportWorkshopId) {
}
