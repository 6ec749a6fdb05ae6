package se.samverka.query.workshop;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.problem.DomainException;

/** A workshop's dashboard at a chosen version or moment, for whoever may see the dashboard. */
@RestController
@RequestMapping("/api/v1/workshops")
public class WorkshopReplayController {
    private final WorkshopAccess access;
    private final WorkshopReplay replay;

    public WorkshopReplayController(WorkshopAccess access, WorkshopReplay replay) {
        this.access = access;
        this.replay = replay;
    }

    /** {@code version}: after that event; {@code at}: as it stood then; neither: as it stands now. */
    @GetMapping("/{workshopId}/replay")
    public WorkshopReplay.Replayed replay(Caller caller, @PathVariable String workshopId,
                                          @RequestParam(required = false) Long version,
                                          @RequestParam(required = false) String at) {
        String id = access.readable(caller, workshopId).id();
        if (version != null && at != null) {
            throw invalid("give a version or a moment, not both");
        }
        if (at != null) {
            try {
                return replay.atMoment(id, OffsetDateTime.parse(at.strip()).toInstant());
            } catch (DateTimeParseException e) {
                throw invalid("at must be a time such as 2026-11-29T10:00:00Z");
            }
        }
        return version == null ? replay.latest(id) : replay.atVersion(id, version);
    }

    private static DomainException invalid(String message) {
        return new DomainException(DomainException.Kind.INVALID, "validation", message);
    }
}
