package se.samverka.kernel.project;

import se.samverka.kernel.Ids;

/** Identifies a project; {@link #toString()} gives the raw value, as Axon and URLs need it. */
public record ProjectId(String value) {
    public ProjectId {
        Ids.require("project id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
