package se.samverka.query.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.samverka.kernel.problem.DomainException;
import se.samverka.query.workshop.RatingRecord;
import se.samverka.query.workshop.RoundView;
import se.samverka.query.workshop.WorkshopView;
import se.samverka.query.workshop.WorkshopViews;

/**
 * Chooses which ratings make a picture. Only visible ratings ever count: free rating, live
 * rounds and revealed sealed rounds. The "current" picture of a workshop takes, for each
 * capability, the latest visible round that covered it, or free rating where no round did;
 * a project's picture is the current pictures of all its workshops together.
 */
@Component
public class ResultsQuery {
    public static final String CURRENT = "current";
    public static final String FREE = "free";

    private final WorkshopViews views;

    public ResultsQuery(WorkshopViews views) {
        this.views = views;
    }

    public ResultsView ofWorkshop(WorkshopView workshop, String scope) {
        String chosen = scope == null || scope.isBlank() ? CURRENT : scope;
        List<RatingRecord> ratings = switch (chosen) {
            case CURRENT -> current(workshop, views.ratingsInWorkshop(workshop.id()));
            case FREE -> views.ratingsOfRound(workshop.id(), null);
            default -> {
                RoundView round = rounds(workshop).stream().filter(r -> r.id().equals(chosen)).findFirst()
                        .orElseThrow(() -> DomainException.notFound("unknown-round", "the workshop has no such round"));
                if (!round.visible()) {
                    throw DomainException.conflict("round-sealed",
                            "the round's results are sealed until the facilitator reveals them");
                }
                yield views.ratingsOfRound(workshop.id(), chosen);
            }
        };
        return ResultsCalculator.calculate(chosen, workshop.capabilities(), ratings);
    }

    public ResultsView ofProject(String projectId) {
        List<WorkshopView> workshops = views.inProject(projectId);
        List<RatingRecord> ratings = new ArrayList<>();
        for (WorkshopView workshop : workshops) {
            ratings.addAll(current(workshop, views.ratingsInWorkshop(workshop.id())));
        }
        // The first workshop's model orders the picture; workshops of one project share its model.
        return ResultsCalculator.calculate("project", workshops.isEmpty() ? List.of()
                : workshops.get(0).capabilities(), ratings);
    }

    static List<RatingRecord> current(WorkshopView workshop, List<RatingRecord> all) {
        List<RoundView> visible = rounds(workshop).stream().filter(RoundView::visible)
                .sorted(Comparator.comparingInt(RoundView::number).reversed()).toList();
        Map<String, List<RatingRecord>> byRound = all.stream()
                .collect(Collectors.groupingBy(r -> Objects.toString(r.roundId(), FREE)));
        List<RatingRecord> chosen = new ArrayList<>();
        for (var capability : workshop.capabilities()) {
            Optional<RoundView> latest = visible.stream().filter(r -> r.capabilityIds().contains(capability.id()))
                    .findFirst();
            String key = latest.map(RoundView::id).orElse(FREE);
            byRound.getOrDefault(key, List.of()).stream()
                    .filter(r -> r.capabilityId().equals(capability.id()))
                    .forEach(chosen::add);
        }
        return chosen;
    }

    private static List<RoundView> rounds(WorkshopView workshop) {
        return workshop.rounds() == null ? List.of() : workshop.rounds();
    }
}
