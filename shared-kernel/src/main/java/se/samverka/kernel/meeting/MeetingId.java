package se.samverka.kernel.meeting;

import se.samverka.kernel.Ids;
import se.samverka.kernel.workshop.WorkshopId;

/**
 * Identifies the meeting held in a workshop: {@code <workshopId>-meeting}. Never the workshop id
 * itself, because the event store's unique key (aggregate identifier, sequence number) spans all
 * aggregate types and the workshop already uses it.
 */
public record MeetingId(String value) {
    static final String SUFFIX = "-meeting";

    public MeetingId {
        if (value == null || !value.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("a meeting id is '<workshop id>" + SUFFIX + "'");
        }
        Ids.require("workshop id", value.substring(0, value.length() - SUFFIX.length()));
    }

    public static MeetingId of(WorkshopId workshop) {
        return new MeetingId(workshop.value() + SUFFIX);
    }

    public WorkshopId workshopId() {
        return new WorkshopId(value.substring(0, value.length() - SUFFIX.length()));
    }

    @Override
    public String toString() {
        return value;
    }
}
