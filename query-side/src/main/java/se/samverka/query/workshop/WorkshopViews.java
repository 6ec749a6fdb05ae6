package se.samverka.query.workshop;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.stereotype.Component;
import se.samverka.query.mongo.ByIds;
import se.samverka.query.mongo.RecordChanges;
import se.samverka.kernel.processing.TrackingBatch;

/**
 * The workshop read models in MongoDB. Every write is idempotent, because the tracking token
 * and the read model are not written atomically: an event may be handled twice after a crash.
 *
 * <p>Within a tracking batch that {@link WorkshopBatching} opened, a workshop document is read
 * once (only its version, when this node wrote it last and keeps that copy), changed in memory
 * by each event and written once at the batch's end as the {@code $set} of what changed, still
 * with the compare-and-set on the version it was read at; the actions that must follow the
 * write (the live pushes) wait for it. Outside such a batch every change is written at once,
 * whole.
 */
@Component
public class WorkshopViews {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private static final String VERSION = "version";
    /** Workshops whose last write this node keeps; a meeting rarely runs more than a few at once. */
    private static final int WRITTEN_KEPT = 64;

    private final MongoCollection<WorkshopView> workshops;
    private final MongoCollection<Document> versions;
    /** The last state this node wrote of recent workshops (access order, bounded), see {@link #readForBatch}. */
    private final Map<String, WorkshopView> written = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, WorkshopView> eldest) {
                    return size() > WRITTEN_KEPT;
                }
            });
    private final MongoCollection<ParticipantView> participants;
    private final MongoCollection<RatingRecord> ratings;
    private final MongoCollection<ScenarioBallot> ballots;
    private final MongoCollection<ModeVoteRecord> modeVotes;

    public WorkshopViews(MongoDatabase database) {
        this.workshops = database.getCollection("workshops", WorkshopView.class);
        this.versions = database.getCollection("workshops");
        this.participants = database.getCollection("participants", ParticipantView.class);
        this.ratings = database.getCollection("ratings", RatingRecord.class);
        this.ballots = database.getCollection("scenario_ballots", ScenarioBallot.class);
        this.modeVotes = database.getCollection("mode_votes", ModeVoteRecord.class);
    }

    public Optional<WorkshopView> find(String workshopId) {
        return Optional.ofNullable(workshops.find(eq("_id", workshopId)).first());
    }

    /** The workshop with this join code (as the join code lookup writes codes: stripped, upper case). */
    public Optional<WorkshopView> findByJoinCode(String joinCode) {
        String code = joinCode == null ? "" : joinCode.strip().toUpperCase(java.util.Locale.ROOT);
        return code.isEmpty() ? Optional.empty() : Optional.ofNullable(workshops.find(eq("joinCode", code)).first());
    }

    /**
     * The workshop as the projection sees it: with the current batch's changes not yet written. In
     * a batch, read as {@link #apply} reads it, so a batch of votes reads the 25 KB document at most
     * once, and usually only its version.
     */
    Optional<WorkshopView> findProjected(String workshopId) {
        return Optional.ofNullable(projected(workshopId, batch()));
    }

    /** Outside a batch the stored document; in one, its latest state, else what {@link #readForBatch} reads. */
    private WorkshopView projected(String workshopId, Batch batch) {
        if (batch == null) {
            return workshops.find(eq("_id", workshopId)).first();
        }
        return batch.latest.containsKey(workshopId) ? batch.latest.get(workshopId) : readForBatch(workshopId, batch);
    }

    public List<WorkshopView> facilitatedBy(String facilitator) {
        return workshops.find(eq("facilitator", facilitator)).sort(Sorts.descending("createdAt"))
                .into(new ArrayList<>());
    }

    public List<ParticipantView> participantsOf(String workshopId) {
        return participants.find(eq("workshopId", workshopId)).sort(Sorts.ascending("joinedAt"))
                .into(new ArrayList<>());
    }

    /**
     * A participant's own ratings in free rating ({@code roundId} null) or in one round, keyed by
     * capability id, or {@code capabilityId/dimension} for dimension ratings.
     */
    public Map<String, Integer> ratingsOf(String workshopId, String participantId, String roundId) {
        flushRatings();
        Map<String, Integer> result = new LinkedHashMap<>();
        ratings.find(and(eq("workshopId", workshopId), eq("participantId", participantId), eq("roundId", roundId)))
                .forEach(rating -> result.put(rating.dimension() == null ? rating.capabilityId()
                        : rating.capabilityId() + "/" + rating.dimension(), rating.score()));
        return result;
    }

    /** Every rating of one round, or of free rating ({@code roundId} null), in a workshop. */
    public List<RatingRecord> ratingsOfRound(String workshopId, String roundId) {
        flushRatings();
        return ratings.find(and(eq("workshopId", workshopId), eq("roundId", roundId))).into(new ArrayList<>());
    }

    /** Every rating given in a workshop. */
    public List<RatingRecord> ratingsInWorkshop(String workshopId) {
        flushRatings();
        return ratings.find(eq("workshopId", workshopId)).into(new ArrayList<>());
    }

    /** Every workshop of a project. */
    public List<WorkshopView> inProject(String projectId) {
        return workshops.find(eq("projectId", projectId)).sort(Sorts.ascending("createdAt")).into(new ArrayList<>());
    }

    public Optional<ParticipantView> participant(String participantId) {
        Batch batch = batch();
        if (batch == null) {
            return Optional.ofNullable(participants.find(eq("_id", participantId)).first());
        }
        return batch.participants.computeIfAbsent(participantId,
                id -> Optional.ofNullable(participants.find(eq("_id", id)).first()));
    }

    /** Stores a new workshop unless it is already there; true when it was stored now. */
    boolean create(WorkshopView view) {
        if (workshops.find(eq("_id", view.id())).first() != null) {
            return false;
        }
        workshops.replaceOne(eq("_id", view.id()), view, UPSERT);
        return true;
    }

    /**
     * Applies the event with workshop version {@code version} unless the view has seen it.
     * Returns the new view, or empty when the event was applied before. One tracking segment
     * owns a workshop's events, so the compare-and-set on the old version never races in
     * normal operation; if it ever does, failing lets the processor retry the event.
     */
    Optional<WorkshopView> apply(String workshopId, long version, UnaryOperator<WorkshopView> change) {
        Batch batch = batch();
        WorkshopView current = projected(workshopId, batch);
        if (current == null) {
            throw new IllegalStateException("workshop " + workshopId + " is not projected yet");
        }
        if (current.version() >= version) {
            return Optional.empty();
        }
        WorkshopView next = change.apply(current).withVersion(version);
        if (batch != null) {
            batch.latest.put(workshopId, next);
            return Optional.of(next);
        }
        replace(workshopId, current.version(), next);
        return Optional.of(next);
    }

    /**
     * The workshop as stored, once per batch: the copy this node wrote last when the stored
     * version is still the one it wrote (a read of the version alone), else the whole document.
     * Another writer (a node that held the segment meanwhile, a rebuild) moves the version on.
     */
    private WorkshopView readForBatch(String workshopId, Batch batch) {
        WorkshopView read = batch.base.get(workshopId);
        if (read != null) {
            return read;
        }
        WorkshopView cached = written.get(workshopId);
        if (cached != null) {
            Document stored = versions.find(eq("_id", workshopId)).projection(Projections.include(VERSION)).first();
            if (stored == null || !Long.valueOf(cached.version()).equals(stored.get(VERSION))) {
                written.remove(workshopId);
                cached = null;
            }
        }
        read = cached != null ? cached : workshops.find(eq("_id", workshopId)).first();
        if (read != null) {
            batch.base.put(workshopId, read);
        }
        return read;
    }

    /**
     * Writes what changed between the batch's first read of the workshop and its last state, with
     * the compare-and-set on the version read: the changed capabilities, not the whole document.
     */
    private void update(String workshopId, WorkshopView read, WorkshopView next) {
        UpdateResult result = workshops.updateOne(and(eq("_id", workshopId), eq(VERSION, read.version())),
                Updates.combine(RecordChanges.between(read, next)));
        if (result.getMatchedCount() != 1) {
            written.remove(workshopId);
            throw new IllegalStateException("workshop " + workshopId + " changed while version " + next.version()
                    + " was applied");
        }
        written.put(workshopId, next);
    }

    private void replace(String workshopId, long readAt, WorkshopView next) {
        UpdateResult result = workshops.replaceOne(and(eq("_id", workshopId), eq("version", readAt)), next);
        if (result.getMatchedCount() != 1) {
            throw new IllegalStateException("workshop " + workshopId + " changed while version " + next.version()
                    + " was applied");
        }
    }

    /**
     * Runs {@code action} once the changes made so far are written: now, or at the batch's end;
     * never in a replayed batch, whose changes every screen has seen before.
     */
    void whenStored(Runnable action) {
        TrackingBatch.whenStored(BATCH, action);
    }

    /**
     * Opens a tracking batch: changes are kept until {@link #endBatch} writes them.
     * A {@code replay} batch (a rebuild re-reading events handled before) pushes nothing.
     */
    Batch beginBatch(boolean replay, Set<String> participantIds) {
        Batch batch = new Batch(replay);
        readParticipants(batch, participantIds);
        return batch;
    }

    /**
     * Reads the participants the batch's ratings name that it does not know yet: one read for the
     * batch instead of one per rating (each rating records its rater's organisation).
     */
    void readParticipants(Batch batch, Set<String> participantIds) {
        ByIds.readUnknown(participants, participantIds, ParticipantView::id, batch.participants);
    }

    /**
     * Writes each workshop changed in the batch once; what waited for the writes runs after it
     * (TrackingBatch). Runs before the tracking token is stored; if a write fails, the batch fails
     * and is handled again.
     */
    void endBatch(Batch batch) {
        flushRatings(batch);
        batch.latest.forEach((workshopId, view) -> update(workshopId, batch.base.get(workshopId), view));
    }

    private void flushRatings() {
        Batch batch = batch();
        if (batch != null) {
            flushRatings(batch);
        }
    }

    /** Writes the batch's ratings in one round trip: the last rating per id, each an idempotent upsert. */
    private void flushRatings(Batch batch) {
        if (batch.ratings.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<RatingRecord>> writes = new ArrayList<>(batch.ratings.size());
        batch.ratings.forEach((id, rating) -> writes.add(new ReplaceOneModel<>(eq("_id", id), rating, UPSERT)));
        ratings.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        batch.ratings.clear();
    }

    private static Batch batch() {
        return TrackingBatch.current(BATCH);
    }

    static final String BATCH = WorkshopViews.class.getName() + ".batch";

    /**
     * The workshop documents read (as stored) and changed in one tracking batch, what waits for their write, the
     * ratings not yet written (the last per rating id) and the participants read or written in
     * the batch (written at once; kept so a busy participant is read once per batch).
     */
    static final class Batch extends TrackingBatch.State {
        final Map<String, WorkshopView> base = new HashMap<>();
        final Map<String, WorkshopView> latest = new LinkedHashMap<>();
        final Map<String, RatingRecord> ratings = new LinkedHashMap<>();
        final Map<String, Optional<ParticipantView>> participants = new HashMap<>();

        Batch(boolean replay) {
            super(replay);
        }
    }

    void saveParticipant(ParticipantView participant) {
        participants.replaceOne(eq("_id", participant.id()), participant, UPSERT);
        Batch batch = batch();
        if (batch != null) {
            batch.participants.put(participant.id(), Optional.of(participant));
        }
    }

    /** Blanks an erased participant: their name reads {@code erasedName}, their organisation is gone everywhere. */
    void eraseParticipant(String participantId, String erasedName) {
        flushRatings();
        forgetParticipant(participantId);
        participants.updateOne(eq("_id", participantId), Updates.combine(
                Updates.set("displayName", erasedName),
                Updates.set("organisation", null)));
        ratings.updateMany(eq("participantId", participantId),
                Updates.set("organisation", null));
    }

    void deleteParticipant(String participantId) {
        participants.deleteOne(eq("_id", participantId));
        forgetParticipant(participantId);
    }

    private static void forgetParticipant(String participantId) {
        Batch batch = batch();
        if (batch != null) {
            batch.participants.remove(participantId);
        }
    }

    /** Written at once, or within a batch with the batch's other ratings before its workshops. */
    void saveRating(RatingRecord rating) {
        Batch batch = batch();
        if (batch == null) {
            ratings.replaceOne(eq("_id", rating.id()), rating, UPSERT);
        } else {
            batch.ratings.put(rating.id(), rating);
        }
    }

    void saveModeVote(ModeVoteRecord vote) {
        modeVotes.replaceOne(eq("_id", vote.id()), vote, UPSERT);
    }

    /** A participant's own responsibility-mode votes, by capability id. */
    public Map<String, String> modeVotesOf(String workshopId, String participantId) {
        Map<String, String> result = new LinkedHashMap<>();
        modeVotes.find(and(eq("workshopId", workshopId), eq("participantId", participantId)))
                .forEach(vote -> result.put(vote.capabilityId(), vote.mode()));
        return result;
    }

    void saveBallot(ScenarioBallot ballot) {
        ballots.replaceOne(eq("_id", ballot.id()), ballot, UPSERT);
    }

    List<ScenarioBallot> ballotsOf(String workshopId, String voteId) {
        return ballots.find(and(eq("workshopId", workshopId), eq("voteId", voteId))).into(new ArrayList<>());
    }

    /** A participant's own ballot in a scenario vote. */
    public Optional<ScenarioBallot> ballotOf(String voteId, String participantId) {
        return Optional.ofNullable(ballots.find(eq("_id", voteId + "/" + participantId)).first());
    }

    /** Forgets every workshop, so a replay rebuilds them from the events. */
    void deleteAll() {
        written.clear();
        workshops.drop();
        participants.drop();
        ratings.drop();
        ballots.drop();
        modeVotes.drop();
    }
}
