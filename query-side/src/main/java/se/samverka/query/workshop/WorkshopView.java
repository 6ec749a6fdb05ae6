package se.samverka.query.workshop;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.codecs.pojo.annotations.BsonId;
import se.samverka.kernel.capability.CapabilityModel;
import se.samverka.kernel.capability.Dimension;
import se.samverka.kernel.workshop.Scenario;
import se.samverka.kernel.workshop.WorkshopCreatedEvent;

/**
 * What every screen of a workshop shows, in one document, so a snapshot and its
 * {@code version} are always read together. {@code capabilities[].rating} is the free rating
 * (the foundation's behaviour while no round has been run); rounds carry their own results.
 */
public record WorkshopView(@BsonId String id, String projectId, String title, String joinCode, String facilitator,
                           String template, long version, int participantCount, Instant createdAt,
                           List<CategoryView> categories, List<Dimension> dimensions,
                           List<CapabilityView> capabilities, List<RoundView> rounds, List<Scenario> scenarios,
                           List<ScenarioVoteView> scenarioVotes) {

    static WorkshopView created(WorkshopCreatedEvent event, long version) {
        var model = event.capabilityModel();
        return new WorkshopView(event.workshopId().value(), event.projectId().value(), event.title(),
                event.joinCode(), event.facilitator(), model.templateId(), version, 0, event.createdAt(),
                model.categories().stream().map(c -> new CategoryView(c.id(), c.name())).toList(),
                model.dimensions(),
                model.flatten().stream()
                        .map(c -> new CapabilityView(c.id(), c.parentId(), c.category(), c.name(), RatingView.empty(),
                                ModeVotes.none(), c.retired()))
                        .toList(),
                List.of(), List.of(), List.of());
    }

    /** "free" until the facilitator opens a first round, then "rounds". Served, never stored. */
    @JsonProperty("mode")
    public String mode() {
        return rounds == null || rounds.isEmpty() ? "free" : "rounds";
    }

    WorkshopView withVersion(long next) {
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, next, participantCount,
                createdAt, categories, dimensions, capabilities, rounds, scenarios, scenarioVotes);
    }

    WorkshopView withParticipantCount(int next) {
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, next, createdAt,
                categories, dimensions, capabilities, rounds, scenarios, scenarioVotes);
    }

    WorkshopView withCapability(String capabilityId, UnaryOperator<CapabilityView> change) {
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, participantCount,
                createdAt, categories, dimensions,
                capabilities.stream().map(c -> c.id().equals(capabilityId) ? change.apply(c) : c).toList(), rounds,
                scenarios, scenarioVotes);
    }

    WorkshopView withRound(RoundView round) {
        List<RoundView> next = new ArrayList<>(rounds == null ? List.of() : rounds);
        next.removeIf(r -> r.id().equals(round.id()));
        next.add(round);
        next.sort(java.util.Comparator.comparingInt(RoundView::number));
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, participantCount,
                createdAt, categories, dimensions, capabilities, next, scenarios, scenarioVotes);
    }

    WorkshopView withRound(String roundId, UnaryOperator<RoundView> change) {
        return withRound(change.apply(round(roundId)));
    }

    /** Takes the edited model's categories, order, names and places; ratings stay with their capability. */
    WorkshopView withModel(CapabilityModel model) {
        java.util.Map<String, CapabilityView> current = new java.util.HashMap<>();
        capabilities.forEach(c -> current.put(c.id(), c));
        List<CapabilityView> next = model.flatten().stream().map(c -> {
            CapabilityView before = current.get(c.id());
            return new CapabilityView(c.id(), c.parentId(), c.category(), c.name(),
                    before == null ? RatingView.empty() : before.rating(),
                    before == null ? ModeVotes.none() : before.modes(), c.retired());
        }).toList();
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, participantCount,
                createdAt, model.categories().stream().map(c -> new CategoryView(c.id(), c.name())).toList(),
                model.dimensions(), next, rounds, scenarios, scenarioVotes);
    }

    WorkshopView withScenario(Scenario scenario) {
        List<Scenario> next = new ArrayList<>(scenarios == null ? List.of() : scenarios);
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(scenario.id())) {
                at = i;
            }
        }
        if (at < 0) {
            next.add(scenario);
        } else {
            next.set(at, scenario);
        }
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, participantCount,
                createdAt, categories, dimensions, capabilities, rounds, next, scenarioVotes);
    }

    WorkshopView withScenarioVote(ScenarioVoteView vote) {
        List<ScenarioVoteView> next = new ArrayList<>(scenarioVotes == null ? List.of() : scenarioVotes);
        next.removeIf(v -> v.id().equals(vote.id()));
        next.add(vote);
        return new WorkshopView(id, projectId, title, joinCode, facilitator, template, version, participantCount,
                createdAt, categories, dimensions, capabilities, rounds, scenarios, next);
    }

    public ScenarioVoteView scenarioVote(String voteId) {
        return (scenarioVotes == null ? List.<ScenarioVoteView>of() : scenarioVotes).stream()
                .filter(v -> v.id().equals(voteId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("workshop " + id + " has no scenario vote " + voteId));
    }

    CapabilityView capability(String capabilityId) {
        return capabilities.stream().filter(c -> c.id().equals(capabilityId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("workshop " + id + " has no capability " + capabilityId));
    }

    public RoundView round(String roundId) {
        return (rounds == null ? List.<RoundView>of() : rounds).stream().filter(r -> r.id().equals(roundId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("workshop " + id + " has no round " + roundId));
    }

    WorkshopView withRating(String capabilityId, int score, Integer previous) {
        return withCapability(capabilityId, c -> c.withRating(c.rating().replace(score, previous)));
    }
}
