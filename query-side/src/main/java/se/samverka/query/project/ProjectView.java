package se.samverka.query.project;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/** A project as its screens and access checks need it. */
public record ProjectView(@BsonId String id, String name, String templateId, String createdBy, Instant createdAt) {
}
