package se.samverka.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import se.samverka.kernel.capability.LocalizedText;
import se.samverka.kernel.processing.TrackingBatch;
import se.samverka.query.mongo.ByIds;

/**
 * The audit trail's collections in MongoDB: lines, the people they name, the aggregates they
 * belong to, and each stream's last line number ({@code audit_counters}).
 *
 * <p>The counters exist because the embedded MongoDB server ignores secondary indexes: finding
 * a project's last line by {@code projectId} and {@code sequence} scans and sorts every line,
 * twice per event, so numbering grew with the trail. A counter is one document found by its
 * {@code _id}, which every server indexes.
 */
@Component
public class AuditViews {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions MAX_UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<AuditEntry> entries;
    private final MongoCollection<AuditPerson> people;
    private final MongoCollection<AuditSubject> subjects;
    private final MongoCollection<Document> counters;

    public AuditViews(MongoDatabase database) {
        this.entries = database.getCollection("audit_entries", AuditEntry.class);
        this.people = database.getCollection("audit_people", AuditPerson.class);
        this.subjects = database.getCollection("audit_subjects", AuditSubject.class);
        this.counters = database.getCollection("audit_counters");
        createIndexes();
    }

    private void createIndexes() {
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("projectId"), Indexes.descending("sequence")));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("workshopId"),
                Indexes.descending("workshopSequence")));
    }

    /** Stored at once, or within a tracking batch with the batch's other lines at its end. */
    void insert(AuditEntry entry) {
        Batch batch = TrackingBatch.current(BATCH);
        if (batch == null) {
            entries.insertOne(entry);
        } else {
            batch.lines.put(entry.id(), entry);
        }
    }

    /**
     * Runs {@code action} once the lines given so far are stored: now, or at the batch's end;
     * never in a replayed batch, whose lines every screen has seen before.
     */
    void whenStored(Runnable action) {
        TrackingBatch.whenStored(BATCH, action);
    }

    /** Whether what {@link #whenStored} is given will run: not in a rebuild's batches. */
    boolean pushes() {
        return TrackingBatch.pushes(BATCH);
    }

    /** The project's latest line number: 0 before the first. */
    public long lastSequence(String projectId) {
        AuditEntry last = entries.find(eq("projectId", projectId)).sort(Sorts.descending("sequence")).first();
        return last == null ? 0 : last.sequence();
    }

    /** The workshop's latest line number: 0 before the first. */
    public long lastWorkshopSequence(String workshopId) {
        AuditEntry last = entries.find(eq("workshopId", workshopId)).sort(Sorts.descending("workshopSequence"))
                .first();
        return last == null || last.workshopSequence() == null ? 0 : last.workshopSequence();
    }

    /**
     * The line number the project's stream last gave out, for numbering the next line: from its
     * counter, or, before the counter exists (a trail written before counters), from the lines.
     */
    long lastNumbered(String projectId) {
        return lastNumbered(PROJECT + projectId, () -> lastSequence(projectId));
    }

    /** As {@link #lastNumbered}, for the workshop's stream. */
    long lastNumberedInWorkshop(String workshopId) {
        return lastNumbered(WORKSHOP + workshopId, () -> lastWorkshopSequence(workshopId));
    }

    /**
     * A stream's counter is read once per tracking batch and then followed in memory as the
     * batch numbers lines ({@link #advance}): one segment numbers every line, and a failed batch
     * is handled again in a new unit of work, which reads afresh.
     */
    private long lastNumbered(String counterId, LongSupplier fromLines) {
        Batch batch = TrackingBatch.current(BATCH);
        Long last = batch == null ? null : batch.counters.get(counterId);
        if (last == null) {
            last = counter(counterId).orElseGet(fromLines::getAsLong);
            if (batch != null) {
                batch.counters.put(counterId, last);
            }
        }
        return last;
    }

    /**
     * Moves the counters of the line's streams up to the line's numbers, never down: written
     * after the line, and again when a line handled twice is found, so a crash between the two
     * writes leaves no number to be given out twice.
     */
    void numbered(AuditEntry entry) {
        advance(PROJECT + entry.projectId(), entry.sequence());
        if (entry.workshopId() != null && entry.workshopSequence() != null) {
            advance(WORKSHOP + entry.workshopId(), entry.workshopSequence());
        }
    }

    /** The line of an event, if it has one; within a batch, from the one read of the batch's lines. */
    Optional<AuditEntry> entry(String entryId) {
        Batch batch = TrackingBatch.current(BATCH);
        if (batch == null) {
            return Optional.ofNullable(entries.find(eq("_id", entryId)).first());
        }
        return Optional.ofNullable(batch.lines.get(entryId)).or(() -> Optional.ofNullable(batch.stored.get(entryId)));
    }

    private Optional<Long> counter(String id) {
        Document counter = counters.find(eq("_id", id)).first();
        return counter == null ? Optional.empty() : Optional.of(counter.getLong(LAST));
    }

    private void advance(String id, long number) {
        Batch batch = TrackingBatch.current(BATCH);
        if (batch == null) {
            counters.updateOne(eq("_id", id), Updates.max(LAST, number), MAX_UPSERT);
            return;
        }
        batch.counters.merge(id, number, Math::max);
        batch.advanced.merge(id, number, Math::max);
    }

    /**
     * Opens a tracking batch: one read finds which of its events have their line already (a batch
     * handled again after a crash between the lines and the token).
     */
    Batch beginBatch(List<String> eventIds, boolean replay) {
        Batch batch = new Batch(replay);
        findStored(batch, eventIds);
        return batch;
    }

    /** Adds to the batch the lines of these events that are stored already. */
    void findStored(Batch batch, List<String> eventIds) {
        entries.find(in("_id", eventIds)).forEach(entry -> batch.stored.put(entry.id(), entry));
    }

    /**
     * Reads, in one query, the people the batch does not know yet among {@code participantIds}:
     * each pushed line names its actor, and in a vote every event has an actor of its own, so a
     * read per line was a round trip per vote.
     */
    void readPeople(Batch batch, Collection<String> participantIds) {
        ByIds.readUnknown(people, participantIds, AuditPerson::id, batch.people);
    }

    /**
     * Ends a tracking batch: its new lines in one write, then the counters moved past them (never
     * before the lines, so a crash between leaves no number to give out twice), The pushes follow (TrackingBatch).
     */
    void endBatch(Batch batch) {
        if (!batch.lines.isEmpty()) {
            entries.insertMany(new ArrayList<>(batch.lines.values()), new InsertManyOptions().ordered(false));
        }
        if (!batch.advanced.isEmpty()) {
            List<UpdateOneModel<Document>> writes = new ArrayList<>(batch.advanced.size());
            batch.advanced.forEach((id, number) ->
                    writes.add(new UpdateOneModel<>(eq("_id", id), Updates.max(LAST, number), MAX_UPSERT)));
            counters.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * What one tracking batch of the audit trail gathered: the lines it found stored, the lines
     * and counter moves it will write, what waits for them, and what it read once (counters,
     * subjects, people; subjects and people are written at once and kept here as written).
     */
    static final class Batch extends TrackingBatch.State {
        final Map<String, AuditEntry> stored = new HashMap<>();
        final Map<String, AuditEntry> lines = new LinkedHashMap<>();
        final Map<String, Long> counters = new HashMap<>();
        final Map<String, Long> advanced = new LinkedHashMap<>();
        final Map<String, Optional<AuditSubject>> subjects = new HashMap<>();
        final Map<String, Optional<AuditPerson>> people = new HashMap<>();

        Batch(boolean replay) {
            super(replay);
        }
    }

    /**
     * An aggregate's entry (its project, its capabilities' names), read once per tracking batch:
     * every event of the aggregate needs it, and it changes only by {@link #bind} (first filing).
     */
    private Optional<AuditSubject> subject(String aggregateId) {
        Batch batch = TrackingBatch.current(BATCH);
        if (batch == null) {
            return Optional.ofNullable(subjects.find(eq("_id", aggregateId)).first());
        }
        return batch.subjects.computeIfAbsent(aggregateId,
                id -> Optional.ofNullable(subjects.find(eq("_id", id)).first()));
    }

    static final String BATCH = AuditViews.class.getName() + ".batch";
    private static final String PROJECT = "project:";
    private static final String WORKSHOP = "workshop:";
    private static final String LAST = "last";

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
        Batch batch = TrackingBatch.current(BATCH);
        if (batch == null) {
            return Optional.ofNullable(people.find(eq("_id", participantId)).first());
        }
        return batch.people.computeIfAbsent(participantId,
                id -> Optional.ofNullable(people.find(eq("_id", id)).first()));
    }

    void savePerson(AuditPerson person) {
        people.replaceOne(eq("_id", person.id()), person, UPSERT);
        Batch batch = TrackingBatch.current(BATCH);
        if (batch != null) {
            batch.people.put(person.id(), Optional.of(person));
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
        Batch batch = TrackingBatch.current(BATCH);
        if (batch != null) {
            batch.subjects.put(aggregateId, Optional.of(subject));
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
        counters.drop();
        createIndexes();
    }
}
