package be.coordinaat.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms (and JSON bodies) of the calendar module. {@code version} is the optimistic-lock version read. The hours
 * of a weekday are written as opening spans separated by commas, e.g. {@code "08:15-12:05, 13:15-15:45"}; empty is
 * closed all day; {@code 24:00} is midnight at the end of the day. {@link SchoolCalendars} checks the spans and
 * reports each weekday's problem on its own field.
 */
public final class Forms {
    private Forms() {}

    /**
     * The week hours and settings of a school or of the board default.
     *
     * @param zoneId        an IANA time zone such as {@code Europe/Brussels}; empty on a school: the board's
     * @param ownHours      a school only: true to use the hours below, false to follow the board's (then the days are
     *                      ignored); ignored for the board
     * @param boardClosures a school only: whether the board's closures apply (default true); ignored for the board
     */
    public record HoursForm(
            @Size(max = 64) String zoneId,
            Boolean ownHours,
            Boolean boardClosures,
            @Size(max = 200) String monday,
            @Size(max = 200) String tuesday,
            @Size(max = 200) String wednesday,
            @Size(max = 200) String thursday,
            @Size(max = 200) String friday,
            @Size(max = 200) String saturday,
            @Size(max = 200) String sunday,
            Integer version) {}

    /**
     * A closed period of whole days (a holiday, public holiday, study day or bridge day). {@code lastDay} empty: one
     * day.
     */
    public record ClosureForm(
            @NotBlank @Size(max = 150) String name,
            @NotNull ClosureKind kind,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDay,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
            Integer version) {}

    /** Generate the official Flemish holidays of a school year, e.g. {@code "2026-2027"}. */
    public record HolidaysCommand(@NotBlank @Size(max = 20) String schoolYear) {}
}
