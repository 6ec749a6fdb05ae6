package se.samverka.kernel.workshop;

import se.samverka.kernel.Ids;

/** Identifies a workshop; {@link #toString()} gives the raw value, as Axon and URLs need it. */
public record WorkshopId(String value) {
    public WorkshopId {
        Ids.require("workshop id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
