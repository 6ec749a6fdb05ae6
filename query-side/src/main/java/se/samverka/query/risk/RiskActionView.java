package se.samverka.query.risk;

import java.time.LocalDate;

/** A proposed action of a risk, with who carries it out and by when. */
public record RiskActionView(String id, String description, String owner, LocalDate dueDate, String status) {
}
