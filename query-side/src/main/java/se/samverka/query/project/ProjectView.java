package se.samverka.query.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import se.samverka.kernel.capability.CapabilityModel;

/** A project as its screens and access checks need it; its model is served by the model export. */
public record ProjectView(@BsonId String id, String name, String templateId, String createdBy, Instant createdAt,
                          @JsonIgnore CapabilityModel capabilityModel) {
    ProjectView withModel(CapabilityModel next) {
        return new ProjectView(id, name, templateId, createdBy, createdAt, next);
    }
}
