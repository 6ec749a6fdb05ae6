package se.samverka.command.survey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.samverka.command.risk.ProjectMembership;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.problem.TextInput;
import se.samverka.kernel.survey.EnvironmentAnalysisId;
import se.samverka.kernel.survey.EnvironmentEvent;
import se.samverka.kernel.survey.EnvironmentSourceSetEvent;
import se.samverka.kernel.survey.FindingRecordedEvent;
import se.samverka.kernel.survey.FindingWithdrawnEvent;
import se.samverka.kernel.survey.RecordFindingCommand;
import se.samverka.kernel.survey.SetEnvironmentSourceCommand;
import se.samverka.kernel.survey.SourceStatus;
import se.samverka.kernel.survey.SurveyOutcome;
import se.samverka.kernel.survey.SurveyRules;
import se.samverka.kernel.survey.WithdrawFindingCommand;

/**
 * A project's environment analysis (omvärldsanalys): the register of sources — experts,
 * organisations, similar initiatives — and the findings drawn from them. One aggregate per
 * project ({@code <projectId>-environment}), apart from any survey: sources and findings change
 * at the facilitator's pace, and a finding must rest on sources that exist, which one aggregate
 * decides without looking elsewhere. Capabilities a finding concerns are checked against the
 * project's model when the finding is recorded.
 */
@Aggregate
public class EnvironmentAnalysis {
    static final int MAX_NAME = 200;
    static final int MAX_QUESTION = 500;
    static final int MAX_NOTES = 4000;
    static final int MAX_STATEMENT = 500;
    static final int MAX_LINKS = 20;

    @AggregateIdentifier
    private EnvironmentAnalysisId analysisId;
    private final Map<String, EnvironmentSourceSetEvent> sources = new LinkedHashMap<>();
    private final Map<String, FindingRecordedEvent> findings = new LinkedHashMap<>();
    private final Set<String> withdrawn = new LinkedHashSet<>();
    private long version = -1;

    protected EnvironmentAnalysis() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SurveyOutcome handle(SetEnvironmentSourceCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        String id = command.sourceId();
        EnvironmentSourceSetEvent current = id == null ? null : sources.get(id);
        if (id == null) {
            id = "K" + (sources.size() + 1);
        } else if (current == null) {
            throw DomainException.notFound("unknown-source", "the environment analysis has no source " + id);
        }
        if (command.kind() == null) {
            throw SurveyRules.invalid("kind", "a source has a kind");
        }
        SourceStatus status = command.status() == null ? SourceStatus.PLANNED : command.status();
        EnvironmentSourceSetEvent next = new EnvironmentSourceSetEvent(command.projectId(), id, command.kind(),
                TextInput.required("organisation", command.organisation(), MAX_NAME),
                TextInput.optional("question", command.question(), MAX_QUESTION),
                TextInput.optional("notes", command.notes(), MAX_NOTES),
                command.date(), current == null ? null : current.status(), status, command.facilitator(),
                clock.instant());
        if (current == null || !(current.kind() == next.kind() && current.organisation().equals(next.organisation())
                && Objects.equals(current.question(), next.question()) && Objects.equals(current.notes(), next.notes())
                && Objects.equals(current.date(), next.date()) && current.status() == next.status())) {
            apply(next);
        }
        return outcome(id);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SurveyOutcome handle(RecordFindingCommand command, ProjectMembership membership, ProjectModels models,
                                Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        String id = command.findingId();
        FindingRecordedEvent current = id == null ? null : findings.get(id);
        if (id == null) {
            id = "F" + (findings.size() + 1);
        } else if (current == null || withdrawn.contains(id)) {
            throw DomainException.notFound("unknown-finding", "the environment analysis has no finding " + id);
        }
        List<String> sourceIds = distinct("sourceIds", command.sourceIds());
        if (sourceIds.isEmpty()) {
            throw SurveyRules.invalid("sourceIds", "a finding rests on at least one source");
        }
        for (String source : sourceIds) {
            if (!sources.containsKey(source)) {
                throw SurveyRules.invalid("sourceIds", "the environment analysis has no source " + source);
            }
        }
        List<String> capabilityIds = distinct("capabilityIds", command.capabilityIds());
        capabilityIds.forEach(capability -> models.requireCapability(command.projectId(), capability, null));
        FindingRecordedEvent next = new FindingRecordedEvent(command.projectId(), id,
                TextInput.required("statement", command.statement(), MAX_STATEMENT), sourceIds, capabilityIds,
                command.facilitator(), clock.instant());
        if (current == null || !(current.statement().equals(next.statement())
                && current.sourceIds().equals(next.sourceIds()) && current.capabilityIds().equals(next.capabilityIds()))) {
            apply(next);
        }
        return outcome(id);
    }

    @CommandHandler
    public SurveyOutcome handle(WithdrawFindingCommand command, ProjectMembership membership, Clock clock) {
        membership.requireFacilitator(command.projectId(), command.facilitator());
        if (!findings.containsKey(command.findingId())) {
            throw DomainException.notFound("unknown-finding", "the environment analysis has no finding "
                    + command.findingId());
        }
        if (!withdrawn.contains(command.findingId())) {
            apply(new FindingWithdrawnEvent(command.projectId(), command.findingId(), command.facilitator(),
                    clock.instant()));
        }
        return outcome(command.findingId());
    }

    private SurveyOutcome outcome(String id) {
        return new SurveyOutcome(id, version);
    }

    private static List<String> distinct(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LINKS) {
            throw SurveyRules.invalid(field, "at most " + MAX_LINKS + " " + field);
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String clean = TextInput.required(field, value, 64);
            if (!out.contains(clean)) {
                out.add(clean);
            }
        }
        return List.copyOf(out);
    }

    @EventSourcingHandler
    void on(EnvironmentEvent event, @SequenceNumber long sequence) {
        version = sequence;
        if (analysisId == null) {
            analysisId = EnvironmentAnalysisId.of(event.projectId());
        }
        if (event instanceof EnvironmentSourceSetEvent source) {
            sources.put(source.sourceId(), source);
        } else if (event instanceof FindingRecordedEvent finding) {
            findings.put(finding.findingId(), finding);
        } else if (event instanceof FindingWithdrawnEvent gone) {
            withdrawn.add(gone.findingId());
        }
    }
}
