package se.samverka.query.survey;

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
import se.samverka.kernel.survey.EnvironmentEvent;
import se.samverka.kernel.survey.EnvironmentSourceSetEvent;
import se.samverka.kernel.survey.FindingRecordedEvent;
import se.samverka.kernel.survey.FindingWithdrawnEvent;
import se.samverka.query.live.LivePublisher;
import se.samverka.query.survey.EnvironmentView.FindingView;
import se.samverka.query.survey.EnvironmentView.SourceView;

/**
 * Projects a project's environment analysis into MongoDB and pushes each change to
 * {@code /topic/projects.{projectId}.environment}, one message per event with its version.
 */
@Component
@ProcessingGroup(EnvironmentProjection.GROUP)
public class EnvironmentProjection {
    public static final String GROUP = "environment-projection";
    static final String STREAM = "environment";

    private final MongoCollection<EnvironmentView> analyses;
    private final LivePublisher live;

    public EnvironmentProjection(MongoDatabase database, LivePublisher live) {
        this.analyses = database.getCollection("environment_analyses", EnvironmentView.class);
        this.live = live;
    }

    public record EnvironmentLiveMessage(String type, long version, EnvironmentView environment) {
    }

    public Optional<EnvironmentView> find(String projectId) {
        return Optional.ofNullable(analyses.find(eq("_id", projectId)).first());
    }

    @EventHandler
    public void on(EnvironmentEvent event, @SequenceNumber long version) {
        String projectId = event.projectId().value();
        EnvironmentView stored = analyses.find(eq("_id", projectId)).first();
        EnvironmentView current = stored == null ? EnvironmentView.empty(projectId) : stored;
        if (current.version() >= version) {
            return;
        }
        EnvironmentView next = evolve(current, event).withVersion(version);
        UpdateResult result = stored == null
                ? analyses.replaceOne(eq("_id", projectId), next, new ReplaceOptions().upsert(true))
                : analyses.replaceOne(and(eq("_id", projectId), eq("version", current.version())), next);
        if (result.getMatchedCount() != 1 && result.getUpsertedId() == null) {
            throw new IllegalStateException("the environment analysis of " + projectId + " changed while version "
                    + version + " was applied");
        }
        live.publishToProject(projectId, STREAM, new EnvironmentLiveMessage("environment.changed", version, next));
    }

    static EnvironmentView evolve(EnvironmentView view, EnvironmentEvent event) {
        if (event instanceof EnvironmentSourceSetEvent e) {
            return view.withSource(new SourceView(e.sourceId(), e.kind().name(), e.organisation(), e.question(),
                    e.notes(), e.date(), e.status().name(), e.setAt()));
        }
        if (event instanceof FindingRecordedEvent e) {
            return view.withFinding(new FindingView(e.findingId(), e.statement(), e.sourceIds(), e.capabilityIds(),
                    false, e.recordedAt()));
        }
        if (event instanceof FindingWithdrawnEvent e) {
            FindingView finding = view.finding(e.findingId());
            return finding == null ? view : view.withFinding(new FindingView(finding.id(), finding.statement(),
                    finding.sourceIds(), finding.capabilityIds(), true, finding.recordedAt()));
        }
        throw new IllegalArgumentException("unknown environment event " + event.getClass().getSimpleName());
    }

    @ResetHandler
    void reset() {
        analyses.drop();
    }
}
