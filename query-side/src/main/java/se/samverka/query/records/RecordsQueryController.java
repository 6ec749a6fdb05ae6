package se.samverka.query.records;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.records.Milestones;
import se.samverka.query.project.ProjectAccess;
import se.samverka.query.records.RecordsView.MilestoneView;

/**
 * A project's records for whoever may read the project, with each milestone's {@code late}
 * computed for today (by the service's clock); with {@code ?version=N}, as they stood then.
 */
@RestController
public class RecordsQueryController {
    private final RecordsProjection records;
    private final ProjectAccess access;
    private final Clock clock;
    private final RecordsReplay replay;

    public RecordsQueryController(RecordsProjection records, ProjectAccess access, Clock clock, RecordsReplay replay) {
        this.records = records;
        this.replay = replay;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/v1/projects/{projectId}/records")
    public RecordsView records(Caller caller, @PathVariable String projectId,
                               @RequestParam(required = false) Long version) {
        String id = access.readable(caller, projectId).id();
        // A version (a decision's evidence) is rebuilt from the events; without one, the read model.
        RecordsView view = version != null ? replay.atVersion(id, version)
                : records.find(id).orElseGet(() -> RecordsView.empty(id));
        return withLateness(view, LocalDate.now(clock));
    }

    static RecordsView withLateness(RecordsView view, LocalDate today) {
        return view.withMilestones(view.milestones().stream().map(m -> new MilestoneView(m.id(), m.name(),
                m.planned(), m.due(), m.reachedOn(), Milestones.isLate(m.due(), m.reachedOn(), today))).toList());
    }
}
