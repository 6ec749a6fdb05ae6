package se.samverka.query.workshop;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * The workshop read models in MongoDB. Every write is idempotent, because the tracking token
 * and the read model are not written atomically: an event may be handled twice after a crash.
 */
@Component
public class WorkshopViews {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<WorkshopView> workshops;
    private final MongoCollection<ParticipantView> participants;
    private final MongoCollection<RatingRecord> ratings;
    private final MongoCollection<ScenarioBallot> ballots;
    private final MongoCollection<ModeVoteRecord> modeVotes;

    public WorkshopViews(MongoDatabase database) {
        this.workshops = database.getCollection("workshops", WorkshopView.class);
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
        Map<String, Integer> result = new LinkedHashMap<>();
        ratings.find(and(eq("workshopId", workshopId), eq("participantId", participantId), eq("roundId", roundId)))
                .forEach(rating -> result.put(rating.dimension() == null ? rating.capabilityId()
                        : rating.capabilityId() + "/" + rating.dimension(), rating.score()));
        return result;
    }

    /** Every rating of one round, or of free rating ({@code roundId} null), in a workshop. */
    public List<RatingRecord> ratingsOfRound(String workshopId, String roundId) {
        return ratings.find(and(eq("workshopId", workshopId), eq("roundId", roundId))).into(new ArrayList<>());
    }

    /** Every rating given in a workshop. */
    public List<RatingRecord> ratingsInWorkshop(String workshopId) {
        return ratings.find(eq("workshopId", workshopId)).into(new ArrayList<>());
    }

    /** Every workshop of a project. */
    public List<WorkshopView> inProject(String projectId) {
        return workshops.find(eq("projectId", projectId)).sort(Sorts.ascending("createdAt")).into(new ArrayList<>());
    }

    public Optional<ParticipantView> participant(String participantId) {
        return Optional.ofNullable(participants.find(eq("_id", participantId)).first());
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
        WorkshopView current = workshops.find(eq("_id", workshopId)).first();
        if (current == null) {
            throw new IllegalStateException("workshop " + workshopId + " is not projected yet");
        }
        if (current.version() >= version) {
            return Optional.empty();
        }
        WorkshopView next = change.apply(current).withVersion(version);
        UpdateResult result = workshops.replaceOne(and(eq("_id", workshopId), eq("version", current.version())), next);
        if (result.getMatchedCount() != 1) {
            throw new IllegalStateException("workshop " + workshopId + " changed while version " + version
                    + " was applied");
        }
        return Optional.of(next);
    }

    void saveParticipant(ParticipantView participant) {
        participants.replaceOne(eq("_id", participant.id()), participant, UPSERT);
    }

    /** Blanks an erased participant: their name reads {@code erasedName}, their organisation is gone everywhere. */
    void eraseParticipant(String participantId, String erasedName) {
        participants.updateOne(eq("_id", participantId), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("displayName", erasedName),
                com.mongodb.client.model.Updates.set("organisation", null)));
        ratings.updateMany(eq("participantId", participantId),
                com.mongodb.client.model.Updates.set("organisation", null));
    }

    void deleteParticipant(String participantId) {
        participants.deleteOne(eq("_id", participantId));
    }

    void saveRating(RatingRecord rating) {
        ratings.replaceOne(eq("_id", rating.id()), rating, UPSERT);
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
        workshops.drop();
        participants.drop();
        ratings.drop();
        ballots.drop();
        modeVotes.drop();
    }
}
