package se.samverka.query.live;

import se.samverka.query.workshop.RatingView;

/**
 * The messages pushed to {@code /topic/workshops.{id}}. Each carries the workshop version it
 * brings the client to; versions of one workshop rise by exactly one per message.
 */
public final class LiveMessages {
    private LiveMessages() {
    }

    /** Who joined, without anything the facilitator alone may see. */
    public record ParticipantSummary(String id, String displayName, String organisation) {
    }

    public record ParticipantJoined(String type, long version, String workshopId, int participantCount,
                                    ParticipantSummary participant) {
        public static final String TYPE = "participant.joined";

        public ParticipantJoined(long version, String workshopId, int participantCount,
                                 ParticipantSummary participant) {
            this(TYPE, version, workshopId, participantCount, participant);
        }
    }

    /** A capability's new aggregate; never who rated it or how. */
    public record CapabilityRated(String type, long version, String workshopId, String capabilityId,
                                  RatingView rating) {
        public static final String TYPE = "capability.rated";

        public CapabilityRated(long version, String workshopId, String capabilityId, RatingView rating) {
            this(TYPE, version, workshopId, capabilityId, rating);
        }
    }
}
