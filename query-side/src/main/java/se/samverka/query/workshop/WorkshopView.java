package se.samverka.query.workshop;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;

/**
 * What every screen of a workshop shows, in one document, so a snapshot and its
 * {@code version} are always read together.
 */
public record WorkshopView(@BsonId String id, String projectId, String title, String joinCode, String facilitator,
                           String template, long version, int participantCount, Instant createdAt,
                           List<CategoryView> categories, List<CapabilityView> capabilities) {

    static WorkshopView created(WorkshopCreatedEvent event, long version) {
        var model = event.capabilityModel();
        return new WorkshopView(event.workshopId().value(), event.projectId().value(), event.title(),
                event.joinCode(), event.facilitator(), model.templateId(), version, 0, event.createdAt(),
                model.categories().stream().map(c -> new CategoryView(c.id(), c.name())).toList(),
                model.flatten().stream()
                        .map(c -> new CapabilityView(c.id(), c.parentId(), c.category(), c.name(), RatingView.empty()))
                        .toList());
    }

    WorkshopView withVersion(long next) {
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, next, participantCount,
                createdAt, categories, capabilities);
    }

    WorkshopView withParticipantCount(int next) {
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, next, createdAt,
                categories, capabilities);
    }

    WorkshopView withCapabilities(List<CapabilityView> next) {
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, participantCount,
                createdAt, categories, next);
    }

    CapabilityView capability(String capabilityId) {
        return capabilities.stream().filter(c -> c.id().equals(capabilityId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("workshop " + id + " has no capability " + capabilityId));
    }

    WorkshopView withRating(String capabilityId, int score, Integer previous) {
        return withCapabilities(capabilities.stream()
                .map(c -> c.id().equals(capabilityId) ? c.withRating(c.rating().replace(score, previous)) : c)
                .toList());
    }
}
