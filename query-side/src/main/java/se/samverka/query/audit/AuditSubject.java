package se.samverka.query.audit;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import se.samverka.kernel.capability.LocalizedText;

/**
 * An aggregate the trail has seen, with the project it belongs to and, for a workshop, the
 * names of its capabilities (so a rating line can say what was rated).
 */
public record AuditSubject(@BsonId String id, String projectId, List<Name> names) {

    public record Name(String id, LocalizedText name) {
    }
}
