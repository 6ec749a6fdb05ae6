package se.samverka.query.workshop;

/** A round's result for one capability, overall ({@code dimension} null) or on one dimension. */
public record RoundResult(String capabilityId, String dimension, RatingView rating) {
}
