package se.samverka.kernel.meeting;

import java.util.List;

/** One item of a meeting's agenda: its id (a1, a2, … in order), title and sub-points. */
public record AgendaItem(String id, String title, List<String> details) {
    public AgendaItem {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
