package se.samverka.query.workshop;

import se.samverka.kernel.capability.LocalizedText;

/**
 * A capability of a workshop's model with its live free rating and the responsibility-mode
 * votes. Round results live in their {@link RoundView}.
 */
public record CapabilityView(String id, String parentId, String category, LocalizedText name, RatingView rating,
                             ModeVotes modes) {
    CapabilityView withRating(RatingView next) {
        return new CapabilityView(id, parentId, category, name, next, modes);
    }

    CapabilityView withModes(ModeVotes next) {
        return new CapabilityView(id, parentId, category, name, rating, next);
    }
}
