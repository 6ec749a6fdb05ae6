package se.samverka.query.audit;

import org.bson.codecs.pojo.annotations.BsonId;

/** A participant as the audit trail names them: kept apart from the lines, so a name lives in one place. */
public record AuditPerson(@BsonId String id, String workshopId, String displayName, String organisation) {
}
