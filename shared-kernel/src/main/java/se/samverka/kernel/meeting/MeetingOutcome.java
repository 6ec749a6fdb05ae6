package se.samverka.kernel.meeting;

/** What a meeting command answers: the id it concerned and the meeting's version that includes it. */
public record MeetingOutcome(String id, long version) {
}
