package se.samverka.query.workshop;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

public record ParticipantView(@BsonId String id, String workshopId, String displayName, String organisation,
                              Instant joinedAt) {
}
