package se.samverka.kernel.workshop;

import se.samverka.kernel.Ids;

/** Identifies a scenario within a workshop. */
public record ScenarioId(String value) {
    public ScenarioId {
        Ids.require("scenario id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
