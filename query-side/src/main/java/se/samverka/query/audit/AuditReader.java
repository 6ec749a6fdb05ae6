package se.samverka.query.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** Reads the trail for one viewer: filters, pages, and names people as the viewer may see them. */
@Component
public class AuditReader {
    static final String FACILITATOR = "facilitator";
    static final String PARTICIPANT = "participant";
    static final String SYSTEM = "system";

    private final AuditViews views;

    public AuditReader(AuditViews views) {
        this.views = views;
    }

    /**
     * Which lines to read. {@code workshopId}: only that workshop's; {@code kinds}: any of them
     * (none: all); {@code actor}: as in metadata, {@code participant:<id>}; {@code from}
     * inclusive, {@code to} exclusive; {@code before}: lines numbered lower than it (paging).
     */
    record Query(String projectId, String workshopId, List<String> kinds, String actor, Instant from, Instant to,
                 Long before) {
    }

    /** One page, newest first; {@code nextBefore} continues with older lines, null at the start. */
    record Page(List<AuditLine> entries, Long nextBefore) {
    }

    Page page(Query query, AuditViewer viewer, int limit) {
        List<AuditEntry> found = views.newestFirst(filter(query, viewer), limit + 1);
        boolean more = found.size() > limit;
        List<AuditEntry> shown = more ? found.subList(0, limit) : found;
        return new Page(shown.stream().map(entry -> line(entry, viewer)).toList(),
                more ? shown.get(shown.size() - 1).sequence() : null);
    }

    void all(Query query, AuditViewer viewer, Consumer<AuditLine> each) {
        views.oldestFirst(filter(query, viewer), entry -> each.accept(line(entry, viewer)));
    }

    private static Bson filter(Query query, AuditViewer viewer) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(eq("projectId", query.projectId()));
        if (query.workshopId() != null) {
            conditions.add(eq("workshopId", query.workshopId()));
        }
        if (query.kinds() != null && !query.kinds().isEmpty()) {
            conditions.add(in("kind", query.kinds()));
        }
        if (query.actor() != null) {
            conditions.add(eq("actor", query.actor()));
            // Filtering by a person must not single out lines whose person the viewer may not see.
            if (!query.actor().equals(viewer.actor())) {
                conditions.add(eq("anonymous", false));
                if (!viewer.facilitator()) {
                    conditions.add(eq("actorPublic", true));
                }
            }
        }
        if (query.from() != null) {
            conditions.add(gte("occurredAt", query.from()));
        }
        if (query.to() != null) {
            conditions.add(lt("occurredAt", query.to()));
        }
        if (query.before() != null) {
            conditions.add(lt("sequence", query.before()));
        }
        return and(conditions);
    }

    /** The line as the viewer may see it. */
    AuditLine line(AuditEntry entry, AuditViewer viewer) {
        return new AuditLine(entry.id(), entry.sequence(), entry.workshopId(), entry.workshopSequence(),
                entry.occurredAt(), entry.kind(), entry.eventType(), actor(entry, viewer), entry.summary(),
                entry.changes(), entry.requestId(), entry.correlationId(), entry.traceId(),
                new AuditLine.Source(entry.aggregateType(), entry.aggregateId(), entry.aggregateSequence(),
                        entry.eventType()));
    }

    /** The participant an actor ({@code role:id}, as events carry it) names, or null for any other actor. */
    static String participantOf(String actor) {
        String prefix = PARTICIPANT + ":";
        return actor != null && actor.startsWith(prefix) ? actor.substring(prefix.length()) : null;
    }

    private AuditLine.Actor actor(AuditEntry entry, AuditViewer viewer) {
        String raw = entry.actor();
        if (raw == null || raw.indexOf(':') < 0) {
            return new AuditLine.Actor(SYSTEM, null, null, null, false);
        }
        String role = raw.substring(0, raw.indexOf(':'));
        String id = raw.substring(raw.indexOf(':') + 1);
        if (!viewer.seesActorOf(entry)) {
            return new AuditLine.Actor(role, null, null, null, true);
        }
        if (PARTICIPANT.equals(role)) {
            return views.person(id)
                    .map(person -> new AuditLine.Actor(role, id, person.displayName(), person.organisation(), false))
                    .orElse(new AuditLine.Actor(role, id, null, null, false));
        }
        return new AuditLine.Actor(role, id, FACILITATOR.equals(role) ? id : null, null, false);
    }
}
