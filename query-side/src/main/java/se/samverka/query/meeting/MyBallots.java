package se.samverka.query.meeting;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Component;

/**
 * Each member's latest vote per decision, kept apart from the meeting document and served only
 * to the member themself (as a participant's own ratings are), so a phone shows its own sealed
 * vote after a reload. Writes are idempotent upserts.
 */
@Component
public class MyBallots {
    private final MongoCollection<Ballot> ballots;

    public record Ballot(@BsonId String id, String workshopId, String participantId, String decisionId,
                         String optionId) {
    }

    public MyBallots(MongoDatabase database) {
        this.ballots = database.getCollection("decision_ballots", Ballot.class);
    }

    void record(String workshopId, String participantId, String decisionId, String optionId) {
        String id = workshopId + "/" + decisionId + "/" + participantId;
        ballots.replaceOne(eq("_id", id), new Ballot(id, workshopId, participantId, decisionId, optionId),
                new ReplaceOptions().upsert(true));
    }

    /** The participant's votes in the workshop's meeting: decision id → option id. */
    public Map<String, String> of(String workshopId, String participantId) {
        Map<String, String> mine = new LinkedHashMap<>();
        for (Ballot ballot : ballots.find(and(eq("workshopId", workshopId), eq("participantId", participantId)))) {
            mine.put(ballot.decisionId(), ballot.optionId());
        }
        return mine;
    }

    void deleteAll() {
        ballots.drop();
    }
}
