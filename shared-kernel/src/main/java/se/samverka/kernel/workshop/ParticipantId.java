package se.samverka.kernel.workshop;

import se.samverka.kernel.Ids;

/** Identifies a participant; {@link #toString()} gives the raw value, as Axon and URLs need it. */
public record ParticipantId(String value) {
    public ParticipantId {
        Ids.require("participant id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
