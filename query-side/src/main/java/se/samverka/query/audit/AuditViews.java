package se.samverka.query.audit;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import se.samverka.kernel.capability.LocalizedText;

/** The audit trail's collections in MongoDB: lines, the people they name, and the aggregates they belong to. */
@Component
public class AuditViews {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<AuditEntry> entries;
    private final MongoCollection<AuditPerson> people;
    private final MongoCollection<AuditSubject> subjects;

    public AuditViews(MongoDatabase database) {
        this.entries = database.getCollection("audit_entries", AuditEntry.class);
        this.people = database.getCollection("audit_people", AuditPerson.class);
        this.subjects = database.getCollection("audit_subjects", AuditSubject.class);
        createIndexes();
    }

    private void createIndexes() {
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId"), Indexes.descending("sequence")));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("workshopId"),
                Indexes.descending("workshopSequence")));
    }

    boolean contains(String entryId) {
        return entries.find(eq("_id", entryId)).first() != null;
    }

    void insert(AuditEntry entry) {
        entries.insertOne(entry);
        Map<String, Long> numbered = numberedInBatch();
        if (numbered != null) {
            numbered.put(PROJECT + entry.projectId(), entry.sequence());
            if (entry.workshopId() != null && entry.workshopSequence() != null) {
                numbered.put(WORKSHOP + entry.workshopId(), entry.workshopSequence());
            }
        }
    }

    /** The project's latest line number: 0 before the first. */
    public long lastSequence(String projectId) {
        return lastInBatch(PROJECT + projectId, () -> {
            AuditEntry last = entries.find(eq("projectId", projectId)).sort(Sorts.descending("sequence")).first();
            return last == null ? 0 : last.sequence();
        });
    }

    /** The workshop's latest line number: 0 before the first. */
    public long lastWorkshopSequence(String workshopId) {
        return lastInBatch(WORKSHOP + workshopId, () -> {
            AuditEntry last = entries.find(eq("workshopId", workshopId)).sort(Sorts.descending("workshopSequence"))
                    .first();
            return last == null || last.workshopSequence() == null ? 0 : last.workshopSequence();
        });
    }

    /**
     * Within a tracking batch, a project's or workshop's latest line number is read from MongoDB
     * once and then taken from the lines this batch inserted: the read sorts every line of the
     * project (the embedded server uses no index for it), which once per event made a rebuild
     * quadratic. Sound because one segment numbers all lines (see {@link AuditProjection}) and a
     * failed batch is handled again in a new unit of work, which reads afresh.
     */
    private long lastInBatch(String key, LongSupplier stored) {
        Map<String, Long> numbered = numberedInBatch();
        if (numbered == null) {
            return stored.getAsLong();
        }
        Long last = numbered.get(key);
        if (last == null) {
            last = stored.getAsLong();
            numbered.put(key, last);
        }
        return last;
    }

    private static Map<String, Long> numberedInBatch() {
        return inBatch(NUMBERED);
    }

    /**
     * An aggregate's entry (its project, its capabilities' names), read once per tracking batch:
     * every event of the aggregate needs it, and it changes only by {@link #bind} (first filing).
     */
    private Optional<AuditSubject> subject(String aggregateId) {
        Map<String, Optional<AuditSubject>> read = inBatch(SUBJECTS);
        if (read == null) {
            return Optional.ofNullable(subjects.find(eq("_id", aggregateId)).first());
        }
        return read.computeIfAbsent(aggregateId, id -> Optional.ofNullable(subjects.find(eq("_id", id)).first()));
    }

    /** What the current tracking batch has read under {@code key}, or null outside a batch. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> inBatch(String key) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (Map<String, V>) CurrentUnitOfWork.get().resources().computeIfAbsent(key,
                k -> new HashMap<String, V>());
    }

    private static final String SUBJECTS = AuditViews.class.getName() + ".subjects";
    private static final String PEOPLE = AuditViews.class.getName() + ".people";
    private static final String NUMBERED = AuditViews.class.getName() + ".numbered";
    private static final String PROJECT = "project:";
    private static final String WORKSHOP = "workshop:";

    /** Lines matching {@code filter}, newest first. */
    List<AuditEntry> newestFirst(Bson filter, int limit) {
        return entries.find(filter).sort(Sorts.descending("sequence")).limit(limit).into(new ArrayList<>());
    }

    /** Every line matching {@code filter}, oldest first, without holding them all in memory. */
    void oldestFirst(Bson filter, Consumer<AuditEntry> each) {
        entries.find(filter).sort(Sorts.ascending("sequence")).forEach(each);
    }

    /** A person named by lines; within a tracking batch read once (written through by {@link #savePerson}). */
    Optional<AuditPerson> person(String participantId) {
        Map<String, Optional<AuditPerson>> read = inBatch(PEOPLE);
        if (read == null) {
            return Optional.ofNullable(people.find(eq("_id", participantId)).first());
        }
        return read.computeIfAbsent(participantId, id -> Optional.ofNullable(people.find(eq("_id", id)).first()));
    }

    void savePerson(AuditPerson person) {
        people.replaceOne(eq("_id", person.id()), person, UPSERT);
        Map<String, Optional<AuditPerson>> read = inBatch(PEOPLE);
        if (read != null) {
            read.put(person.id(), Optional.of(person));
        }
    }

    /** The project an aggregate belongs to, once one of its events named it. */
    Optional<String> projectOf(String aggregateId) {
        return subject(aggregateId).map(AuditSubject::projectId);
    }

    /** Files the aggregate under the project unless it is filed already; returns its project. */
    String bind(String aggregateId, String projectId, List<AuditSubject.Name> names) {
        AuditSubject existing = subject(aggregateId).orElse(null);
        if (existing != null) {
            return existing.projectId();
        }
        AuditSubject subject = new AuditSubject(aggregateId, projectId, names);
        subjects.replaceOne(eq("_id", aggregateId), subject, UPSERT);
        Map<String, Optional<AuditSubject>> read = inBatch(SUBJECTS);
        if (read != null) {
            read.put(aggregateId, Optional.of(subject));
        }
        return projectId;
    }

    LocalizedText capabilityName(String workshopId, String capabilityId) {
        AuditSubject subject = subject(workshopId).orElse(null);
        if (subject == null) {
            return null;
        }
        return subject.names().stream().filter(n -> n.id().equals(capabilityId)).map(AuditSubject.Name::name)
                .findFirst().orElse(null);
    }

    /** Forgets the whole trail, so a replay rebuilds it from the events. */
    void deleteAll() {
        entries.drop();
        people.drop();
        subjects.drop();
        createIndexes();
    }
}
