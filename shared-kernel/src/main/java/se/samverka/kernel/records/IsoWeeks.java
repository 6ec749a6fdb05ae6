package se.samverka.kernel.records;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO weeks as the timeline writes them, {@code 2020-W41}: a week-based year and a week 1 to 52,
 * or 53 in the years that have one (2020 does, 2021 does not). Pure; no time zone involved.
 */
public final class IsoWeeks {
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    private IsoWeeks() {
    }

    /** The Monday of the week, or empty when the text is no ISO week or the year has no such week. */
    public static Optional<LocalDate> monday(String week) {
        if (week == null) {
            return Optional.empty();
        }
        Matcher m = WEEK.matcher(week.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String normal = m.group(1) + "-W" + String.format("%02d", Integer.parseInt(m.group(2))) + "-1";
        try {
            return Optional.of(LocalDate.parse(normal, DateTimeFormatter.ISO_WEEK_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The week written the one way ({@code 2021-W04}) of the week containing {@code date}. */
    public static String of(LocalDate date) {
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        return String.format("%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
