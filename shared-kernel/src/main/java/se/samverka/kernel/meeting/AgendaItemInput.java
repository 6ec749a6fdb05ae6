package se.samverka.kernel.meeting;

import java.util.List;

/** An agenda item as the facilitator writes it; the meeting gives it its id. */
public record AgendaItemInput(String title, List<String> details) {
}
