package se.samverka.kernel.records;

import java.time.LocalDate;

/** The milestone rules, pure. */
public final class Milestones {
    private Milestones() {
    }

    /**
     * Late: not reached and its due date has passed ({@code today} after due), or reached after
     * its due date. A milestone without a due date is never late.
     */
    public static boolean isLate(LocalDate due, LocalDate reachedOn, LocalDate today) {
        if (due == null) {
            return false;
        }
        return reachedOn == null ? today.isAfter(due) : reachedOn.isAfter(due);
    }
}
