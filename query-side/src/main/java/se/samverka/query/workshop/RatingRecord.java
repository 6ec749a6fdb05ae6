package se.samverka.query.workshop;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One participant's current rating of one capability (and dimension) in one round, or in free
 * rating ({@code roundId} null). Never served as such but to its own participant: it feeds the
 * results, the heatmap and a reloaded phone's own ratings.
 */
public record RatingRecord(@BsonId String id, String workshopId, String projectId, String participantId,
                           String organisation, String roundId, String capabilityId, String dimension, int score) {
    static final String FREE = "free";
    static final String OVERALL = "overall";

    static String idOf(String participantId, String roundId, String capabilityId, String dimension) {
        return String.join("/", participantId, roundId == null ? FREE : roundId, capabilityId,
                dimension == null ? OVERALL : dimension);
    }
}
