package se.samverka.query.records;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import se.samverka.kernel.records.ActivityRemovedEvent;
import se.samverka.kernel.records.ActivitySetEvent;
import se.samverka.kernel.records.MilestoneSetEvent;
import se.samverka.kernel.records.OrganisationsSetEvent;
import se.samverka.kernel.records.PlanState;
import se.samverka.kernel.records.PlanVersionAddedEvent;
import se.samverka.kernel.records.PlanVersionDecidedEvent;
import se.samverka.kernel.records.ProjectFactsSetEvent;
import se.samverka.kernel.records.ProjectRecordsEvent;
import se.samverka.kernel.records.StatusReportedEvent;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.records.RecordsView.ActivityView;
import se.samverka.query.records.RecordsView.FactsView;
import se.samverka.query.records.RecordsView.OrganisationsView;
import se.samverka.query.records.RecordsView.MilestoneView;
import se.samverka.query.records.RecordsView.PlanVersionView;
import se.samverka.query.records.RecordsView.StatusReportView;
import se.samverka.query.records.RecordsView.StatusRowView;

/**
 * Projects the project records into MongoDB (compare-and-set on the version) and pushes every
 * change to {@code /topic/projects.{projectId}.records}: exactly one message per records event,
 * carrying the records version and the records as they now stand (lateness not included).
 */
@Component
@ProcessingGroup(RecordsProjection.GROUP)
public class RecordsProjection {
    public static final String GROUP = "records-projection";
    static final String STREAM = "records";

    private final MongoCollection<RecordsView> records;
    private final LivePublisher live;

    public RecordsProjection(MongoDatabase database, LivePublisher live) {
        this.records = database.getCollection("project_records", RecordsView.class);
        this.live = live;
    }

    public record RecordsLiveMessage(String type, long version, RecordsView records) {
    }

    public Optional<RecordsView> find(String projectId) {
        return Optional.ofNullable(records.find(eq("_id", projectId)).first());
    }

    @EventHandler
    public void on(ProjectRecordsEvent event, @SequenceNumber long version) {
        String projectId = event.projectId().value();
        RecordsView stored = records.find(eq("_id", projectId)).first();
        RecordsView current = stored == null ? RecordsView.empty(projectId) : stored;
        if (current.version() >= version) {
            return;
        }
        RecordsView next = evolve(current, event).withVersion(version);
        UpdateResult result = stored == null
                ? records.replaceOne(eq("_id", projectId), next, new ReplaceOptions().upsert(true))
                : records.replaceOne(and(eq("_id", projectId), eq("version", current.version())), next);
        if (result.getMatchedCount() != 1 && result.getUpsertedId() == null) {
            throw new IllegalStateException("the records of " + projectId + " changed while version " + version
                    + " was applied");
        }
        live.publishToProject(projectId, STREAM, new RecordsLiveMessage(type(event), version, next));
    }

    static RecordsView evolve(RecordsView view, ProjectRecordsEvent event) {
        if (event instanceof ProjectFactsSetEvent f) {
            return view.withFacts(new FactsView(f.name(), f.goal(), f.totalCostSek(), f.financing(),
                    f.municipalContribution(), f.startDate(), f.endDate(), f.deliverables()));
        }
        if (event instanceof PlanVersionAddedEvent added) {
            return view.withPlanVersion(new PlanVersionView(added.version(), added.note(),
                    PlanState.DRAFT.name(), null, null, added.addedAt()));
        }
        if (event instanceof PlanVersionDecidedEvent decided) {
            String note = view.planVersions().stream().filter(p -> p.version().equals(decided.version()))
                    .findFirst().map(PlanVersionView::note).orElse(null);
            return view.withPlanVersion(new PlanVersionView(decided.version(), note, decided.state().name(),
                    decided.workshopId() == null ? null : decided.workshopId().value(), decided.decisionId(),
                    decided.decidedAt()));
        }
        if (event instanceof MilestoneSetEvent m) {
            return view.withMilestone(new MilestoneView(m.milestoneId(), m.name(), m.planned(), m.due(),
                    m.reachedOn(), false));
        }
        if (event instanceof StatusReportedEvent s) {
            return view.withStatusReport(new StatusReportView(s.workshopId().value(), s.reportedOn(),
                    s.rows().stream().map(r -> new StatusRowView(r.area(), r.light().name(), r.light().label(),
                            r.light().colour(), r.deviation(), r.action(), r.done())).toList(), s.reportedAt()));
        }
        if (event instanceof ActivitySetEvent a) {
            return view.withActivity(new ActivityView(a.activityId(), a.name(), a.startWeek(), a.endWeek()));
        }
        if (event instanceof ActivityRemovedEvent a) {
            return view.withoutActivity(a.activityId());
        }
        if (event instanceof OrganisationsSetEvent o) {
            return view.withOrganisations(new OrganisationsView(o.organisations(), o.allowOther()));
        }
        throw new IllegalArgumentException("unknown records event " + event.getClass().getSimpleName());
    }

    private static String type(ProjectRecordsEvent event) {
        if (event instanceof ProjectFactsSetEvent) {
            return "records.facts-set";
        }
        if (event instanceof PlanVersionAddedEvent) {
            return "records.plan-version-added";
        }
        if (event instanceof PlanVersionDecidedEvent) {
            return "records.plan-version-decided";
        }
        if (event instanceof MilestoneSetEvent) {
            return "records.milestone-set";
        }
        if (event instanceof ActivitySetEvent) {
            return "records.activity-set";
        }
        if (event instanceof ActivityRemovedEvent) {
            return "records.activity-removed";
        }
        if (event instanceof OrganisationsSetEvent) {
            return "records.organisations-set";
        }
        return "records.status-reported";
    }

    @ResetHandler
    void reset() {
        records.drop();
    }
}
