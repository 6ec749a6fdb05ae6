package se.samverka.query.workshop;

import se.samverka.kernel.capability.LocalizedText;

/**
 * A capability of a workshop's model with its live free rating and the responsibility-mode
 * votes. Round results live in their {@link RoundView}. A retired capability keeps its ratings
 * but takes no new ones.
 */
public record CapabilityView(String id, String parentId, String category, LocalizedText name, RatingView rating,
                             ModeVotes modes, boolean retired) {
    CapabilityView withRating(RatingView next) {
        return new CapabilityView(id, parentId, category, name, next, modes, retired);
    }

    CapabilityView withModes(ModeVotes next) {
        return new CapabilityView(id, parentId, category, name, rating, next, retired);
    }
}
