package se.samverka.kernel.meeting;

import java.util.List;

/** One option of a decision: its id and label. */
public record DecisionOption(String id, String label) {
    public static final String CONTINUE = "continue";
    public static final String BACK = "back";
    public static final String STOP = "stop";

    /** The steering group's default options: Fortsätt / Tillbaka / Stopp–avsluta. */
    public static List<DecisionOption> defaults() {
        return List.of(new DecisionOption(CONTINUE, "Fortsätt"), new DecisionOption(BACK, "Tillbaka"),
                new DecisionOption(STOP, "Stopp / avsluta"));
    }
}
