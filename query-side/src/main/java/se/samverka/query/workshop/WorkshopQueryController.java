package se.samverka.query.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.WorkshopId;

/** Reads of workshops; every one is checked against the caller's workshop and role. */
@RestController
@RequestMapping("/api/v1/workshops")
public class WorkshopQueryController {
    private final WorkshopViews views;
    private final WorkshopAccess access;

    public WorkshopQueryController(WorkshopViews views, WorkshopAccess access) {
        this.views = views;
        this.access = access;
    }

    public record WorkshopSummary(String id, String projectId, String title, String joinCode, long version,
                                  int participantCount, Instant createdAt) {
    }

    @GetMapping
    public List<WorkshopSummary> mine(Caller caller) {
        caller.requireFacilitator();
        return views.facilitatedBy(caller.subject()).stream()
                .map(v -> new WorkshopSummary(v.id(), v.projectId(), v.title(), v.joinCode(), v.version(),
                        v.participantCount(), v.createdAt()))
                .toList();
    }

    @GetMapping("/{workshopId}")
    public WorkshopView workshop(Caller caller, @PathVariable String workshopId) {
        return access.readable(caller, workshopId);
    }

    @GetMapping("/{workshopId}/capabilities")
    public List<CapabilityView> capabilities(Caller caller, @PathVariable String workshopId) {
        return access.readable(caller, workshopId).capabilities();
    }

    @GetMapping("/{workshopId}/participants")
    public List<ParticipantView> participants(Caller caller, @PathVariable String workshopId) {
        caller.requireFacilitator();
        return views.participantsOf(access.readable(caller, workshopId).id());
    }

    /**
     * The caller's own ratings in free rating, or in {@code round}: keyed by capability id, or
     * {@code capabilityId/dimension} for dimension ratings.
     */
    @GetMapping("/{workshopId}/my-ratings")
    public Map<String, Integer> myRatings(Caller caller, @PathVariable String workshopId,
                                          @RequestParam(required = false) String round) {
        WorkshopView view = access.readable(caller, workshopId);
        String participant = caller.requireParticipantOf(new WorkshopId(view.id())).value();
        if (round != null) {
            requireRound(view, round);
        }
        return views.ratingsOf(view.id(), participant, round);
    }

    /** The caller's own responsibility-mode votes, by capability id, so any device shows them. */
    @GetMapping("/{workshopId}/my-modes")
    public Map<String, String> myModes(Caller caller, @PathVariable String workshopId) {
        WorkshopView view = access.readable(caller, workshopId);
        return views.modeVotesOf(view.id(), caller.requireParticipantOf(new WorkshopId(view.id())).value());
    }

    /** The caller's own ballot in a scenario vote; 404 before they voted. */
    @GetMapping("/{workshopId}/scenario-votes/{voteId}/my-ballot")
    public ScenarioBallot myBallot(Caller caller, @PathVariable String workshopId, @PathVariable String voteId) {
        WorkshopView view = access.readable(caller, workshopId);
        String participant = caller.requireParticipantOf(new WorkshopId(view.id())).value();
        return views.ballotOf(voteId, participant)
                .filter(ballot -> ballot.workshopId().equals(view.id()))
                .orElseThrow(() -> DomainException.notFound("no-ballot", "you have not voted in this vote"));
    }

    /** Who has voted in a round and who has not: names, never values; only counts for anonymous rounds. */
    public record Participation(String roundId, int voted, int notVoted, List<String> votedNames,
                                List<String> notVotedNames) {
    }

    @GetMapping("/{workshopId}/rounds/{roundId}/participation")
    public Participation participation(Caller caller, @PathVariable String workshopId, @PathVariable String roundId) {
        caller.requireFacilitator();
        WorkshopView view = access.readable(caller, workshopId);
        RoundView round = requireRound(view, roundId);
        List<ParticipantView> everyone = views.participantsOf(view.id());
        List<String> voted = new ArrayList<>();
        List<String> notVoted = new ArrayList<>();
        for (ParticipantView participant : everyone) {
            (round.voterIds().contains(participant.id()) ? voted : notVoted).add(participant.displayName());
        }
        return round.anonymous()
                ? new Participation(roundId, voted.size(), notVoted.size(), List.of(), List.of())
                : new Participation(roundId, voted.size(), notVoted.size(), voted, notVoted);
    }

    private static RoundView requireRound(WorkshopView view, String roundId) {
        return (view.rounds() == null ? List.<RoundView>of() : view.rounds()).stream()
                .filter(r -> r.id().equals(roundId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("unknown-round", "the workshop has no such round"));
    }
}
