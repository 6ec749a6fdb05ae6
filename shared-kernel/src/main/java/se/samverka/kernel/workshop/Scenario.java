package se.samverka.kernel.workshop;

import java.util.List;
import java.util.Objects;

/**
 * A way forward to weigh: a bundle of capabilities it strengthens, with a cost in SEK (once, or
 * per year), a duration and a priority — as the pre-study's "Gemensam SOC" (2,5 mnkr, 1 år, hög).
 */
public record Scenario(ScenarioId id, String name, String description, List<String> capabilityIds, long costSek,
                       CostKind costKind, int durationMonths, Priority priority) {
    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;

    public enum CostKind { ONE_OFF, PER_YEAR }

    public enum Priority { HIGH, MEDIUM, LOW }

    public Scenario {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a scenario name needs 1 to " + MAX_NAME + " characters");
        }
        description = description == null ? "" : description.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a description has at most " + MAX_DESCRIPTION + " characters");
        }
        capabilityIds = List.copyOf(capabilityIds == null ? List.of() : capabilityIds);
        if (costSek < 0 || durationMonths < 0 || durationMonths > 240) {
            throw new IllegalArgumentException("cost and duration cannot be negative; duration at most 240 months");
        }
        Objects.requireNonNull(costKind, "costKind");
        Objects.requireNonNull(priority, "priority");
    }
}
