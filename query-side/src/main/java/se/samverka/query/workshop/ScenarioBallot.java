package se.samverka.query.workshop;

import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;

/** A participant's current ballot in a scenario vote; never served, it feeds the tallies. */
public record ScenarioBallot(@BsonId String id, String workshopId, String voteId, String participantId,
                             Map<String, Integer> dots, List<String> ranking) {
}
