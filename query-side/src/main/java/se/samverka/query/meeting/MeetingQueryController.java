package se.samverka.query.meeting;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.query.workshop.WorkshopAccess;

/** A workshop's meeting for whoever may read the workshop; a meeting nothing happened in yet is empty, version -1. */
@RestController
public class MeetingQueryController {
    private final MeetingViews views;
    private final MyBallots ballots;
    private final WorkshopAccess access;

    public MeetingQueryController(MeetingViews views, MyBallots ballots, WorkshopAccess access) {
        this.views = views;
        this.ballots = ballots;
        this.access = access;
    }

    /** The calling participant's own votes (decision id → option id), also while sealed; participants only. */
    @GetMapping("/api/v1/workshops/{workshopId}/meeting/my-votes")
    public Map<String, String> myVotes(Caller caller, @PathVariable String workshopId) {
        String id = access.readable(caller, workshopId).id();
        return ballots.of(id, caller.participantId().value());
    }

    @GetMapping("/api/v1/workshops/{workshopId}/meeting")
    public MeetingView meeting(Caller caller, @PathVariable String workshopId) {
        String id = access.readable(caller, workshopId).id();
        return views.find(id).orElseGet(() -> MeetingView.empty(id).withProject(access.readable(caller, id)
                .projectId()));
    }
}
