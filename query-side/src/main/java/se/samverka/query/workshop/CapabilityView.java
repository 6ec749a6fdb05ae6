package se.samverka.query.workshop;

import se.samverka.kernel.capability.LocalizedText;

/** A capability of a workshop's model with its live rating. */
public record CapabilityView(String id, String parentId, String category, LocalizedText name, RatingView rating) {
    CapabilityView withRating(RatingView next) {
        return new CapabilityView(id, parentId, category, name, next);
    }
}
