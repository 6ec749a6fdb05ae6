package se.samverka.kernel.records;

/** What a records command answers: the id it concerned and the records' version that includes it. */
public record RecordsOutcome(String id, long version) {
}
