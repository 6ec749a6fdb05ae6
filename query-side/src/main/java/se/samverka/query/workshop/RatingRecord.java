package se.samverka.query.workshop;

import org.bson.codecs.pojo.annotations.BsonId;

/** One participant's current rating of one capability, so a reloaded phone shows what it gave. */
public record RatingRecord(@BsonId String id, String workshopId, String participantId, String capabilityId,
                           int score) {
    static String idOf(String participantId, String capabilityId) {
        return participantId + "/" + capabilityId;
    }
}
