package se.samverka.query.meeting;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** The meetings in MongoDB, one document per workshop; every write is a compare-and-set on the version. */
@Component
public class MeetingViews {
    private final MongoCollection<MeetingView> meetings;

    public MeetingViews(MongoDatabase database) {
        this.meetings = database.getCollection("meetings", MeetingView.class);
    }

    public Optional<MeetingView> find(String workshopId) {
        return Optional.ofNullable(meetings.find(eq("_id", workshopId)).first());
    }

    /** Applies the event with meeting version {@code version} unless the view has it; empty when it had. */
    Optional<MeetingEvolution.Change> apply(String workshopId, long version,
                                            Function<MeetingView, MeetingEvolution.Change> change) {
        MeetingView stored = meetings.find(eq("_id", workshopId)).first();
        MeetingView current = stored == null ? MeetingView.empty(workshopId) : stored;
        if (current.version() >= version) {
            return Optional.empty();
        }
        MeetingEvolution.Change next = change.apply(current);
        MeetingView view = next.view().withVersion(version);
        UpdateResult result = stored == null
                ? meetings.replaceOne(eq("_id", workshopId), view, new ReplaceOptions().upsert(true))
                : meetings.replaceOne(and(eq("_id", workshopId), eq("version", current.version())), view);
        if (result.getMatchedCount() != 1 && result.getUpsertedId() == null) {
            throw new IllegalStateException("the meeting of " + workshopId + " changed while version " + version
                    + " was applied");
        }
        return Optional.of(new MeetingEvolution.Change(view, next.type()));
    }

    /** Names the participant as erased wherever the meeting names them; the version stays. */
    void erase(String workshopId, String participantId, String erasedName) {
        MeetingView stored = meetings.find(eq("_id", workshopId)).first();
        if (stored == null) {
            return;
        }
        java.util.function.UnaryOperator<MeetingView.PersonView> person = p -> participantId.equals(p.participantId())
                ? new MeetingView.PersonView(p.participantId(), erasedName) : p;
        java.util.function.UnaryOperator<MeetingView.VoteView> vote = v -> participantId.equals(v.participantId())
                ? new MeetingView.VoteView(v.participantId(), erasedName, v.optionId(), v.castAt()) : v;
        MeetingView erased = new MeetingView(stored.workshopId(), stored.version(), stored.projectId(),
                stored.purpose(), stored.goals(), stored.agenda(), stored.currentItemId(),
                stored.present().stream().map(person).toList(), stored.steeringGroup().stream().map(person).toList(),
                stored.decisions().stream().map(d -> new MeetingView.DecisionView(d.id(), d.kind(), d.proposal(),
                        d.options(), d.planVersion(), d.quorum(), d.openVoting(), d.anonymous(), d.agendaItemId(),
                        d.state(), d.voterIds(), d.voteCount(), d.votes().stream().map(vote).toList(), d.result(),
                        d.outcome(), d.tally(), d.evidence(), d.openedAt(), d.closedAt())).toList());
        meetings.replaceOne(and(eq("_id", workshopId), eq("version", stored.version())), erased);
    }

    void deleteAll() {
        meetings.drop();
    }
}
