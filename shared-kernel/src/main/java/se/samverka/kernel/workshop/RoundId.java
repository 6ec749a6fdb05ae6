package se.samverka.kernel.workshop;

import se.samverka.kernel.Ids;

/** Identifies a voting round within a workshop. */
public record RoundId(String value) {
    public RoundId {
        Ids.require("round id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
