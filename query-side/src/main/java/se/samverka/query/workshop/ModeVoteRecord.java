package se.samverka.query.workshop;

import org.bson.codecs.pojo.annotations.BsonId;

/** A participant's current responsibility-mode vote on one capability, served only to them. */
public record ModeVoteRecord(@BsonId String id, String workshopId, String participantId, String capabilityId,
                             String mode) {
}
