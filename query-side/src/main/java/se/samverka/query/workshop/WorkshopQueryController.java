package se.samverka.query.workshop;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
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

    @GetMapping("/{workshopId}/my-ratings")
    public Map<String, Integer> myRatings(Caller caller, @PathVariable String workshopId) {
        WorkshopView view = access.readable(caller, workshopId);
        return views.ratingsOf(view.id(), caller.requireParticipantOf(new WorkshopId(view.id())).value());
    }
}
