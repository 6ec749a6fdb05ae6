package se.samverka.kernel.records;

import java.time.LocalDate;

/** One area of a status report (Budget, Tid, Personal, …): its light, deviation or comment, action and done date. */
public record StatusRow(String area, StatusLight light, String deviation, String action, LocalDate done) {
}
