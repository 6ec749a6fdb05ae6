package se.samverka.query.workshop;

import se.samverka.kernel.workshop.ResponsibilityMode;

/** How participants want a capability upheld, and what the workshop agreed. */
public record ModeVotes(int own, int collaboration, int procurement, ResponsibilityMode agreed) {
    public static ModeVotes none() {
        return new ModeVotes(0, 0, 0, null);
    }

    ModeVotes replace(ResponsibilityMode mode, ResponsibilityMode previous) {
        ModeVotes next = previous == null ? this : add(previous, -1);
        return next.add(mode, 1);
    }

    ModeVotes agree(ResponsibilityMode mode) {
        return new ModeVotes(own, collaboration, procurement, mode);
    }

    private ModeVotes add(ResponsibilityMode mode, int delta) {
        return switch (mode) {
            case OWN -> new ModeVotes(Math.max(0, own + delta), collaboration, procurement, agreed);
            case COLLABORATION -> new ModeVotes(own, Math.max(0, collaboration + delta), procurement, agreed);
            case PROCUREMENT -> new ModeVotes(own, collaboration, Math.max(0, procurement + delta), agreed);
        };
    }
}
